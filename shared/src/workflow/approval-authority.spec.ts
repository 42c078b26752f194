import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../users/user.schema.js';
import {
  DEFAULT_APPROVAL_POLICY,
  approvalPolicySchema,
  approvalStatus,
  canApprove,
  involvesMoney,
  requiredApprovers,
  roleCovers,
  type ApprovalCase,
  type ApprovalPolicy,
  type WorkflowApproval,
} from './approval-authority.js';

const policy = DEFAULT_APPROVAL_POLICY;
const PROPOSER = 'user-proposer';

function decision(
  approverId: string,
  approverRole: Role,
  amount: number,
  overrides: Partial<WorkflowApproval> = {},
): WorkflowApproval {
  return { approverId, approverRole, decision: 'approved', amount, voidedAt: null, ...overrides };
}

function proposal(amount: number | null, approvals: WorkflowApproval[] = []): ApprovalCase & { column: string } {
  return {
    column: 'compensation',
    compensation: { remedies: ['compensation'], amount, proposedBy: PROPOSER },
    approvals,
  };
}

describe('requiredApprovers', () => {
  it.each([
    [null, []],
    [0, []],
    [0.01, ['cs_supervisor']],
    [300, ['cs_supervisor']],
    [500, ['cs_supervisor']],
    [500.01, ['department_head']],
    [5000, ['department_head']],
    [5000.01, ['legal', 'department_head']],
    [10_000_000, ['legal', 'department_head']],
  ])('¥%s needs %j', (amount, roles) => {
    expect(requiredApprovers(amount, policy)).toEqual(roles);
  });
});

describe('involvesMoney', () => {
  it.each([
    [null, false],
    [{ remedies: [] }, false],
    [{ remedies: ['reship', 'apology_letter', 'voucher', 'repair'], amount: null }, false],
    [{ remedies: ['apology_letter'], amount: 0 }, false],
    [{ remedies: ['compensation'] }, true],
    [{ remedies: ['freight_refund'] }, true],
    [{ remedies: ['voucher'], amount: 20 }, true],
    [{ amount: 0.01 }, true],
  ] as const)('%j -> %s', (section, expected) => {
    expect(involvesMoney(section)).toBe(expected);
  });
});

describe('roleCovers', () => {
  it.each([
    ['cs_supervisor', 'cs_supervisor', true],
    ['department_head', 'cs_supervisor', true],
    ['cs_supervisor', 'department_head', false],
    ['legal', 'cs_supervisor', false],
    ['department_head', 'legal', false],
    ['legal', 'legal', true],
    ['admin', 'cs_supervisor', false],
    ['cs_agent', 'cs_supervisor', false],
  ] as const)('%s covers %s: %s', (actorRole, slot, expected) => {
    expect(roleCovers(actorRole, slot, policy)).toBe(expected);
  });
});

describe('approvalStatus', () => {
  it.each([
    {
      name: 'no money remedy and no amount needs nobody',
      caseLike: { compensation: { remedies: ['reship'] as const, amount: null }, approvals: [] },
      expected: { required: [], missing: [], needsAmount: false, rejected: false, complete: true },
    },
    {
      name: 'amount 0 needs nobody even with a money remedy',
      caseLike: proposal(0),
      expected: { required: [], missing: [], needsAmount: false, complete: true },
    },
    {
      name: 'a money remedy without an amount cannot be approved yet',
      caseLike: proposal(null),
      expected: { required: [], missing: [], needsAmount: true, complete: false },
    },
    {
      name: 'a supervisor approves ¥500',
      caseLike: proposal(500, [decision('sup', 'cs_supervisor', 500)]),
      expected: { required: ['cs_supervisor'], satisfied: ['cs_supervisor'], missing: [], complete: true },
    },
    {
      name: 'a supervisor cannot approve ¥500.01',
      caseLike: proposal(500.01, [decision('sup', 'cs_supervisor', 500.01)]),
      expected: { required: ['department_head'], satisfied: [], missing: ['department_head'], complete: false },
    },
    {
      name: 'a department head covers the supervisor tier',
      caseLike: proposal(300, [decision('head', 'department_head', 300)]),
      expected: { required: ['cs_supervisor'], satisfied: ['cs_supervisor'], missing: [], complete: true },
    },
    {
      name: 'legal does not stand in for a supervisor',
      caseLike: proposal(300, [decision('lawyer', 'legal', 300)]),
      expected: { missing: ['cs_supervisor'], complete: false },
    },
    {
      name: 'a department head approves ¥5,000',
      caseLike: proposal(5000, [decision('head', 'department_head', 5000)]),
      expected: { required: ['department_head'], missing: [], complete: true },
    },
    {
      name: 'above ¥5,000 the department head alone is not enough',
      caseLike: proposal(5000.01, [decision('head', 'department_head', 5000.01)]),
      expected: { required: ['legal', 'department_head'], satisfied: ['department_head'], missing: ['legal'], complete: false },
    },
    {
      name: 'above ¥5,000 legal alone is not enough',
      caseLike: proposal(8000, [decision('lawyer', 'legal', 8000)]),
      expected: { satisfied: ['legal'], missing: ['department_head'], complete: false },
    },
    {
      name: 'above ¥5,000 legal and a department head together approve',
      caseLike: proposal(8000, [decision('lawyer', 'legal', 8000), decision('head', 'department_head', 8000)]),
      expected: { satisfied: ['legal', 'department_head'], missing: [], complete: true },
    },
    {
      name: 'voided approvals do not count',
      caseLike: proposal(300, [decision('sup', 'cs_supervisor', 300, { voidedAt: '2026-11-23T10:00:00Z' })]),
      expected: { missing: ['cs_supervisor'], complete: false },
    },
    {
      name: 'an approval of another amount does not count',
      caseLike: proposal(400, [decision('sup', 'cs_supervisor', 300)]),
      expected: { missing: ['cs_supervisor'], complete: false },
    },
    {
      name: 'amounts match to the cent despite floating point',
      caseLike: proposal(0.1 + 0.2, [decision('sup', 'cs_supervisor', 0.3)]),
      expected: { missing: [], complete: true },
    },
    {
      name: "the proposer's own approval does not count (four eyes)",
      caseLike: proposal(300, [decision(PROPOSER, 'cs_supervisor', 300)]),
      expected: { missing: ['cs_supervisor'], complete: false },
    },
    {
      name: 'a rejection blocks the amount even when another approver agreed',
      caseLike: proposal(300, [
        decision('sup', 'cs_supervisor', 300, { decision: 'rejected' }),
        decision('head', 'department_head', 300),
      ]),
      expected: { missing: [], rejected: true, complete: false },
    },
    {
      name: 'a voided rejection no longer blocks',
      caseLike: proposal(300, [
        decision('sup', 'cs_supervisor', 300, { decision: 'rejected', voidedAt: '2026-11-23T10:00:00Z' }),
        decision('head', 'department_head', 300),
      ]),
      expected: { rejected: false, complete: true },
    },
    {
      name: 'a rejection by a role without authority at the amount is not a vote',
      caseLike: proposal(300, [
        decision('agent', 'cs_agent', 300, { decision: 'rejected' }),
        decision('sup', 'cs_supervisor', 300),
      ]),
      expected: { rejected: false, complete: true },
    },
    {
      name: 'an approval by a role without authority is not a vote',
      caseLike: proposal(300, [decision('admin', 'admin', 300), decision('ops', 'operations', 300)]),
      expected: { satisfied: [], missing: ['cs_supervisor'], complete: false },
    },
  ])('$name', ({ caseLike, expected }) => {
    expect(approvalStatus(caseLike, policy)).toMatchObject(expected);
  });

  describe('with a tier that asks for two people', () => {
    const twoPeople: ApprovalPolicy = {
      tiers: [{ upTo: null, approvers: ['cs_supervisor', 'department_head'] }],
      seniority: ['cs_supervisor', 'department_head'],
    };

    it('one department head cannot fill both slots', () => {
      const status = approvalStatus(proposal(1000, [decision('head', 'department_head', 1000)]), twoPeople);
      expect(status).toMatchObject({ satisfied: ['department_head'], missing: ['cs_supervisor'], complete: false });
    });

    it('one person approving twice still fills one slot', () => {
      const twice = [decision('head', 'department_head', 1000), decision('head', 'department_head', 1000)];
      expect(approvalStatus(proposal(1000, twice), twoPeople).complete).toBe(false);
    });

    it('two department heads fill both slots', () => {
      const status = approvalStatus(
        proposal(1000, [decision('head-1', 'department_head', 1000), decision('head-2', 'department_head', 1000)]),
        twoPeople,
      );
      expect(status).toMatchObject({ satisfied: ['cs_supervisor', 'department_head'], complete: true });
    });

    it('a stand-in is moved aside so the exact role can take its own slot', () => {
      const status = approvalStatus(
        proposal(1000, [decision('head', 'department_head', 1000), decision('sup', 'cs_supervisor', 1000)]),
        twoPeople,
      );
      expect(status.complete).toBe(true);
    });
  });
});

describe('canApprove', () => {
  const supervisor = { id: 'sup', role: 'cs_supervisor' } as const;

  it.each([
    { name: 'a supervisor within authority', actor: supervisor, caseLike: proposal(500), expected: { ok: true } },
    {
      name: 'a department head below its tier',
      actor: { id: 'head', role: 'department_head' } as const,
      caseLike: proposal(300),
      expected: { ok: true },
    },
    {
      name: 'legal above ¥5,000',
      actor: { id: 'lawyer', role: 'legal' } as const,
      caseLike: proposal(5000.01),
      expected: { ok: true },
    },
    {
      name: 'outside the compensation column',
      actor: supervisor,
      caseLike: { ...proposal(300), column: 'investigation' },
      expected: { ok: false, reason: 'NOT_IN_COMPENSATION' },
    },
    { name: 'no amount proposed', actor: supervisor, caseLike: proposal(null), expected: { ok: false, reason: 'NO_AMOUNT' } },
    { name: 'amount 0', actor: supervisor, caseLike: proposal(0), expected: { ok: false, reason: 'NO_AMOUNT' } },
    {
      name: 'a supervisor above ¥500',
      actor: supervisor,
      caseLike: proposal(500.01),
      expected: { ok: false, reason: 'ROLE_LACKS_AUTHORITY' },
    },
    {
      name: 'legal below ¥5,000',
      actor: { id: 'lawyer', role: 'legal' } as const,
      caseLike: proposal(5000),
      expected: { ok: false, reason: 'ROLE_LACKS_AUTHORITY' },
    },
    ...(['cs_agent', 'quality_investigator', 'operations', 'admin'] as const).map((role) => ({
      name: `${role} at any amount`,
      actor: { id: 'someone', role },
      caseLike: proposal(100),
      expected: { ok: false, reason: 'ROLE_LACKS_AUTHORITY' },
    })),
    {
      name: 'the proposer of the amount (four eyes)',
      actor: { id: PROPOSER, role: 'cs_supervisor' } as const,
      caseLike: proposal(300),
      expected: { ok: false, reason: 'OWN_PROPOSAL' },
    },
    {
      name: 'someone who already approved this amount',
      actor: supervisor,
      caseLike: proposal(300, [decision('sup', 'cs_supervisor', 300)]),
      expected: { ok: false, reason: 'ALREADY_DECIDED' },
    },
    {
      name: 'someone who already rejected this amount',
      actor: supervisor,
      caseLike: proposal(300, [decision('sup', 'cs_supervisor', 300, { decision: 'rejected' })]),
      expected: { ok: false, reason: 'ALREADY_DECIDED' },
    },
    {
      name: 'someone whose earlier decision was voided by an amount change',
      actor: supervisor,
      caseLike: proposal(300, [decision('sup', 'cs_supervisor', 250, { voidedAt: '2026-11-23T10:00:00Z' })]),
      expected: { ok: true },
    },
  ])('$name -> $expected', ({ actor, caseLike, expected }) => {
    expect(canApprove(actor, caseLike, policy)).toEqual(expected);
  });
});

describe('approvalPolicySchema', () => {
  const tier = (upTo: number | null, approvers: string[] = ['department_head']) => ({ upTo, approvers });

  it('accepts the default policy', () => {
    expect(approvalPolicySchema.parse(DEFAULT_APPROVAL_POLICY)).toEqual(DEFAULT_APPROVAL_POLICY);
  });

  it('accepts a single unbounded tier', () => {
    expect(approvalPolicySchema.safeParse({ tiers: [tier(null)], seniority: [] }).success).toBe(true);
  });

  it.each([
    ['no tiers', { tiers: [], seniority: [] }],
    ['descending limits', { tiers: [tier(5000), tier(500), tier(null)], seniority: [] }],
    ['equal limits', { tiers: [tier(500), tier(500), tier(null)], seniority: [] }],
    ['a zero limit', { tiers: [tier(0), tier(null)], seniority: [] }],
    ['a negative limit', { tiers: [tier(-1), tier(null)], seniority: [] }],
    ['a limit with fractions of a cent', { tiers: [tier(500.001), tier(null)], seniority: [] }],
    ['a bounded last tier', { tiers: [tier(500), tier(5000)], seniority: [] }],
    ['an unbounded tier before the last', { tiers: [tier(null), tier(null)], seniority: [] }],
    ['a tier without approvers', { tiers: [tier(null, [])], seniority: [] }],
    ['a repeated approver', { tiers: [tier(null, ['legal', 'legal'])], seniority: [] }],
    ['admin as an approver', { tiers: [tier(null, ['admin'])], seniority: [] }],
    ['an unknown role', { tiers: [tier(null, ['ceo'])], seniority: [] }],
    ['admin in the seniority', { tiers: [tier(null)], seniority: ['admin'] }],
    ['a repeated seniority role', { tiers: [tier(null)], seniority: ['department_head', 'department_head'] }],
    ['missing seniority', { tiers: [tier(null)] }],
    ['an unknown key', { tiers: [tier(null)], seniority: [], currency: 'CNY' }],
    ['an unknown tier key', { tiers: [{ ...tier(null), note: 'x' }], seniority: [] }],
  ])('refuses %s', (_, candidate) => {
    expect(approvalPolicySchema.safeParse(candidate).success).toBe(false);
  });

  it('reports where the ascending order breaks', () => {
    const result = approvalPolicySchema.safeParse({ tiers: [tier(5000), tier(500), tier(null)], seniority: [] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['tiers', 1, 'upTo']]);
  });

  it('never offers admin as an approver option', () => {
    const approverOptions = approvalPolicySchema.shape.tiers.element.shape.approvers.element.options;
    expect(approverOptions).toEqual(ROLES.filter((role) => role !== 'admin'));
  });
});
