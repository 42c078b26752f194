import { z } from 'zod';
import { CATEGORIES, CHANNELS, SEVERITIES, caseCardSchema, caseColumnSchema } from '../cases/case.schema.js';
import { queryFlagSchema } from '../common/query-flag.js';
import { safeString } from '../common/safe-string.js';
import { DEPARTMENTS } from '../users/user.schema.js';
import { SLA_STATES } from './sla-state.js';

export const SWIMLANES = ['none', 'severity', 'department', 'owner'] as const;
export const swimlaneSchema = z.enum(SWIMLANES);
export type Swimlane = z.infer<typeof swimlaneSchema>;

/** Cards per column (or per lane and column) in one page. */
export const BOARD_PAGE_SIZE = 50;
export const MAX_BOARD_PAGE_SIZE = 200;

/** Closed cases stay on the board this long; older ones come back only for a date range or a search. */
export const CLOSED_VISIBLE_DAYS = 14;

/**
 * A query string gives `a=1` as a string and `a=1&a=2` as an array; a JSON body gives an array.
 * All three, and `a=1,2`, mean the same list. Repeats are dropped so a URL cannot grow a query.
 */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => {
    if (value === undefined) return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((part) => (typeof part === 'string' ? part.split(',') : [part]));
    return [...new Set(parts.filter((part) => part !== ''))];
  }, z.array(item).max(max).optional());

/** The search box: trimmed, and an empty box is no search. */
const searchText = safeString()
  .trim()
  .max(100)
  .transform((text) => text || undefined)
  .optional();

/**
 * What the board shows: the filters and the swimlanes. The same schema reads the browser's URL,
 * the API's query string and a saved view's stored filters, so a link, a reload and a saved view
 * all open the same board.
 */
export const boardFiltersSchema = z
  .strictObject({
    category: listOf(z.enum(CATEGORIES), CATEGORIES.length),
    severity: listOf(z.enum(SEVERITIES), SEVERITIES.length),
    channel: listOf(z.enum(CHANNELS), CHANNELS.length),
    department: listOf(z.enum(DEPARTMENTS), DEPARTMENTS.length),
    owner: listOf(z.uuid(), 50),
    sla: listOf(z.enum(SLA_STATES), SLA_STATES.length),
    /** Intake dates, inclusive, as business days in China (Asia/Shanghai). */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    mine: queryFlagSchema,
    watching: queryFlagSchema,
    q: searchText,
    swimlane: swimlaneSchema.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    message: 'the range must not end before it starts',
  });
export type BoardFilters = z.output<typeof boardFiltersSchema>;

/** `GET /api/board`: the filters plus how many cards each column (or lane cell) starts with. */
export const boardQuerySchema = boardFiltersSchema.safeExtend({
  limit: z.coerce.number().int().min(1).max(MAX_BOARD_PAGE_SIZE).optional(),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;

/** `GET /api/board/columns/:column`: the next page after `cursor`, in one lane when the board has lanes. */
export const boardPageQuerySchema = boardFiltersSchema.safeExtend({
  limit: z.coerce.number().int().min(1).max(MAX_BOARD_PAGE_SIZE).optional(),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'cursor'),
  lane: z.string().min(1).max(64).optional(),
});
export type BoardPageQuery = z.output<typeof boardPageQuerySchema>;

const FILTER_KEYS = [
  'q',
  'category',
  'severity',
  'channel',
  'department',
  'owner',
  'sla',
  'from',
  'to',
  'mine',
  'watching',
  'swimlane',
] as const satisfies readonly (keyof BoardFilters)[];

/** A query string's entries, as `URLSearchParams` gives and takes them (shared has no DOM types). */
export type QueryPairs = Iterable<readonly [string, string]>;

/** The filters as query-string entries, keys in a fixed order so equal filters give equal URLs. Defaults are left out. */
export function boardFiltersToQuery(filters: BoardFilters): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'swimlane' && value === 'none') continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([key, String(item)]);
  }
  return pairs;
}

/** Repeated keys become arrays, as Express reads a query string. */
export function queryToObject(pairs: QueryPairs): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const seen = object[key];
    object[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return object;
}

/** Only the filter keys of a URL; anything else in it (a tracking parameter, a stale key) is not the board's business. */
export function boardFiltersFromQuery(pairs: QueryPairs): z.ZodSafeParseResult<BoardFilters> {
  const known = [...pairs].filter(([key]) => (FILTER_KEYS as readonly string[]).includes(key));
  return boardFiltersSchema.safeParse(queryToObject(known));
}

/** Whether a filter narrows the board (swimlanes only arrange it). */
export function hasActiveFilters(filters: BoardFilters): boolean {
  return FILTER_KEYS.some((key) => {
    if (key === 'swimlane') return false;
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
  });
}

export const boardColumnSliceSchema = z.object({
  /** Every card of the column (or lane cell) that matches the filters, loaded or not. */
  total: z.number().int().nonnegative(),
  cards: z.array(caseCardSchema),
  /** Opaque; null when `cards` is the last page. */
  nextCursor: z.string().nullable(),
});
export type BoardColumnSlice = z.infer<typeof boardColumnSliceSchema>;

export const boardLaneSchema = z.object({
  /** `all` without swimlanes; else the severity, the department, or the owner's id (`unassigned`). */
  key: z.string(),
  /** The owner's name for owner lanes; other lanes are named by the client from its catalogue. */
  label: z.string().nullable(),
  columns: z.record(caseColumnSchema, boardColumnSliceSchema),
});
export type BoardLane = z.infer<typeof boardLaneSchema>;

export const boardSnapshotSchema = z.object({
  swimlane: swimlaneSchema,
  lanes: z.array(boardLaneSchema),
  /** The instant SLA states were computed at; later pages use the same instant, so paging is stable. */
  asOf: z.iso.datetime({ offset: true }),
  /** The last timeline event this snapshot includes: live events at or below it are already in. */
  seq: z.number().int().nonnegative(),
});
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;

export const boardPageSchema = z.object({
  cards: z.array(caseCardSchema),
  nextCursor: z.string().nullable(),
});
export type BoardPage = z.infer<typeof boardPageSchema>;

/** `GET /api/board/cards/:id`: the card, or null when the case exists but the filters leave it off this board. */
export const boardCardLookupSchema = z.object({ card: caseCardSchema.nullable() });
export type BoardCardLookup = z.infer<typeof boardCardLookupSchema>;

export const LANE_ALL = 'all';
export const LANE_UNASSIGNED = 'unassigned';
