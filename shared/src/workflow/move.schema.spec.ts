import { describe, expect, it } from 'vitest';
import { approvalInputSchema, moveInputSchema } from './move.schema.js';

describe('moveInputSchema', () => {
  it('accepts a move and trims its reason', () => {
    expect(moveInputSchema.parse({ to: 'investigation', version: 3, reason: '  客户不满意  ' })).toEqual({
      to: 'investigation',
      version: 3,
      reason: '客户不满意',
    });
  });

  it('accepts a move without a reason', () => {
    expect(moveInputSchema.parse({ to: 'closed', version: 1 })).toEqual({ to: 'closed', version: 1 });
  });

  it.each([
    ['an unknown column', { to: 'archived', version: 1 }],
    ['a missing column', { version: 1 }],
    ['a missing version', { to: 'closed' }],
    ['version 0', { to: 'closed', version: 0 }],
    ['a fractional version', { to: 'closed', version: 1.5 }],
    ['a version as text', { to: 'closed', version: '1' }],
    ['an empty reason', { to: 'closed', version: 1, reason: '' }],
    ['a blank reason', { to: 'closed', version: 1, reason: '   ' }],
    ['a reason over 1000 characters', { to: 'closed', version: 1, reason: 'x'.repeat(1001) }],
    ['an unknown field', { to: 'closed', version: 1, column: 'closed' }],
  ])('refuses %s', (_, input) => {
    expect(moveInputSchema.safeParse(input).success).toBe(false);
  });

  it('accepts a reason of exactly 1000 characters', () => {
    expect(moveInputSchema.safeParse({ to: 'closed', version: 1, reason: 'x'.repeat(1000) }).success).toBe(true);
  });
});

describe('approvalInputSchema', () => {
  it.each([
    ['an approval without a reason', { decision: 'approved', amount: 300 }],
    ['an approval with a reason', { decision: 'approved', amount: 300, reason: '符合标准' }],
    ['a rejection with a reason', { decision: 'rejected', amount: 5000.01, reason: '超出申报价值' }],
    ['an amount of 0', { decision: 'approved', amount: 0 }],
  ])('accepts %s', (_, input) => {
    expect(approvalInputSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a rejection without a reason', { decision: 'rejected', amount: 300 }],
    ['a rejection with a blank reason', { decision: 'rejected', amount: 300, reason: '  ' }],
    ['an unknown decision', { decision: 'maybe', amount: 300 }],
    ['a missing amount', { decision: 'approved' }],
    ['a negative amount', { decision: 'approved', amount: -1 }],
    ['fractions of a cent', { decision: 'approved', amount: 10.005 }],
    ['an absurd amount', { decision: 'approved', amount: 10_000_000.01 }],
    ['a reason over 1000 characters', { decision: 'rejected', amount: 300, reason: 'x'.repeat(1001) }],
    ['an unknown field', { decision: 'approved', amount: 300, approverId: 'me' }],
  ])('refuses %s', (_, input) => {
    expect(approvalInputSchema.safeParse(input).success).toBe(false);
  });

  it('points a missing rejection reason at the reason field', () => {
    const result = approvalInputSchema.safeParse({ decision: 'rejected', amount: 300 });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['reason']]);
  });
});
