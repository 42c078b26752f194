import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { parseInput, ZodValidationPipe } from './zod-validation.pipe.js';

const schema = z.strictObject({
  name: z.string().trim().min(1),
  tags: z.array(z.string().max(3)).default([]),
  customer: z.strictObject({ phone: z.string().regex(/^\d+$/, 'phone') }),
});

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(schema);

  it('returns the parsed value, with transforms and defaults applied', () => {
    expect(pipe.transform({ name: '  王芳 ', customer: { phone: '138' } })).toEqual({
      name: '王芳',
      tags: [],
      customer: { phone: '138' },
    });
  });

  it('refuses with VALIDATION_FAILED and one {path, message} per issue', () => {
    let error: unknown;
    try {
      pipe.transform({ name: '', tags: ['ok', 'toolong'], customer: { phone: 'x' }, extra: 1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    const details = (error as DomainError).details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['', 'customer.phone', 'name', 'tags.1']);
    expect(details.find((d) => d.path === 'customer.phone')?.message).toBe('phone');
  });

  it('refuses a missing body', () => {
    expect(() => pipe.transform(undefined)).toThrow(DomainError);
  });
});

describe('parseInput', () => {
  it('prefixes issue paths so a nested part reports where it sits in the whole input', () => {
    expect(() => parseInput(schema.shape.customer, { phone: 'x' }, 'customer')).toThrow(
      expect.objectContaining({ details: [{ path: 'customer.phone', message: 'phone' }] }),
    );
  });
});
