import { describe, expect, it } from 'vitest';
import {
  boardFiltersFromQuery,
  boardFiltersSchema,
  boardFiltersToQuery,
  boardPageQuerySchema,
  boardQuerySchema,
  hasActiveFilters,
} from './board-query.js';

const OWNER = '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0001';

describe('boardFiltersSchema', () => {
  it('reads one value, repeated keys and comma lists as the same list, without repeats', () => {
    expect(boardFiltersSchema.parse({ severity: 'serious' }).severity).toEqual(['serious']);
    expect(boardFiltersSchema.parse({ severity: ['serious', 'general'] }).severity).toEqual(['serious', 'general']);
    expect(boardFiltersSchema.parse({ severity: 'serious,general,serious' }).severity).toEqual(['serious', 'general']);
  });

  it('reads flags from a query string and from JSON', () => {
    expect(boardFiltersSchema.parse({ mine: 'true', watching: '0' })).toMatchObject({ mine: true, watching: false });
    expect(boardFiltersSchema.parse({ mine: true }).mine).toBe(true);
  });

  it('treats an empty search box as no search', () => {
    expect(boardFiltersSchema.parse({ q: '   ' }).q).toBeUndefined();
    expect(boardFiltersSchema.parse({ q: ' KD3 ' }).q).toBe('KD3');
  });

  it.each([
    ['an unknown category', { category: 'alien' }],
    ['an owner that is not an id', { owner: 'zhang' }],
    ['an unknown key', { colour: 'red' }],
    ['a date that is not a date', { from: '2026-13-01' }],
    ['a range ending before it starts', { from: '2026-11-20', to: '2026-11-01' }],
    ['a search too long', { q: 'x'.repeat(101) }],
    ['a NUL in the search', { q: 'a\u0000' }],
    ['a flag that is not a flag', { mine: 'yes please' }],
    ['an unknown swimlane', { swimlane: 'colour' }],
    ['a nested object', { severity: { $ne: 'x' } }],
  ])('refuses %s', (_, input) => {
    expect(boardFiltersSchema.safeParse(input).success).toBe(false);
  });

  it('keeps the range check on the API query schemas', () => {
    expect(boardQuerySchema.safeParse({ from: '2026-11-20', to: '2026-11-01' }).success).toBe(false);
    expect(boardPageQuerySchema.safeParse({ cursor: 'abc', from: '2026-11-20', to: '2026-11-01' }).success).toBe(false);
    expect(boardQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(boardPageQuerySchema.safeParse({ cursor: 'not a cursor!' }).success).toBe(false);
  });
});

describe('filters in the URL', () => {
  it('round-trips through a query string', () => {
    const filters = boardFiltersSchema.parse({
      q: '张伟',
      severity: ['serious', 'important'],
      owner: [OWNER],
      sla: ['breached'],
      from: '2026-11-01',
      to: '2026-11-23',
      mine: true,
      swimlane: 'owner',
    });
    const params = new URLSearchParams(boardFiltersToQuery(filters));
    expect(params.getAll('severity')).toEqual(['serious', 'important']);
    const parsed = boardFiltersFromQuery(new URLSearchParams(params.toString()));
    expect(parsed.success && parsed.data).toEqual(filters);
  });

  it('leaves defaults out, so an unfiltered board has a bare URL', () => {
    expect(boardFiltersToQuery(boardFiltersSchema.parse({ mine: false, swimlane: 'none', category: [] }))).toEqual([]);
  });

  it('ignores parameters that are not filters', () => {
    const parsed = boardFiltersFromQuery(new URLSearchParams('utm_source=mail&severity=general'));
    expect(parsed.success && parsed.data).toEqual({ severity: ['general'] });
  });

  it('tells filters from swimlanes', () => {
    expect(hasActiveFilters(boardFiltersSchema.parse({ swimlane: 'owner' }))).toBe(false);
    expect(hasActiveFilters(boardFiltersSchema.parse({ watching: true }))).toBe(true);
    expect(hasActiveFilters(boardFiltersSchema.parse({ mine: false }))).toBe(false);
  });
});
