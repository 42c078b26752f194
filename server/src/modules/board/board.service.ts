import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  BOARD_PAGE_SIZE,
  CASE_COLUMNS,
  DEPARTMENTS,
  LANE_ALL,
  LANE_UNASSIGNED,
  SEVERITIES,
  type BoardCardLookup,
  type BoardColumnSlice,
  type BoardFilters,
  type BoardLane,
  type BoardPage,
  type BoardPageQuery,
  type BoardQuery,
  type BoardSnapshot,
  type CaseCard,
  type CaseColumn,
  type Swimlane,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { SlaPolicyService } from '../sla/sla-policy.service.js';
import { CaseCardsRepository, type CardPosition, type CardRow } from './case-cards.repository.js';

/** What a cursor carries: the snapshot's instant, so every page ranks cards by the same clock, and the last card's place. */
const cursorSchema = z.strictObject({
  asOf: z.iso.datetime(),
  rank: z.number().int().min(0).max(2),
  key: z.string().regex(/^-?\d{1,12}(\.\d{1,9})?$/),
  id: z.uuid(),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(asOf: Date, position: CardPosition): string {
  const cursor: Cursor = { asOf: asOf.toISOString(), ...position };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('VALIDATION_FAILED', 400, [{ path: 'cursor', message: 'not a cursor this board handed out' }]);
  }
}

/** Lanes are valid only for the board's swimlane; anything else is a bad request, not an empty lane. */
function assertLaneFits(swimlane: Swimlane, lane: string | undefined): void {
  if (lane === undefined) {
    if (swimlane === 'none') return;
    throw new DomainError('VALIDATION_FAILED', 400, [{ path: 'lane', message: `a board with ${swimlane} swimlanes pages one lane at a time` }]);
  }
  const fits =
    swimlane === 'none'
      ? lane === LANE_ALL
      : swimlane === 'severity'
        ? (SEVERITIES as readonly string[]).includes(lane)
        : swimlane === 'department'
          ? (DEPARTMENTS as readonly string[]).includes(lane)
          : lane === LANE_UNASSIGNED || z.uuid().safeParse(lane).success;
  if (!fits) throw new DomainError('VALIDATION_FAILED', 400, [{ path: 'lane', message: `not a lane of the ${swimlane} swimlanes` }]);
}

function emptyColumns(): Record<CaseColumn, BoardColumnSlice> {
  const slice = (): BoardColumnSlice => ({ total: 0, cards: [], nextCursor: null });
  return Object.fromEntries(CASE_COLUMNS.map((column) => [column, slice()])) as Record<CaseColumn, BoardColumnSlice>;
}

/** Lanes in the order people read them: by severity, by department as the flow meets them, owners by name with nobody last. */
function laneOrder(swimlane: Swimlane): (a: BoardLane, b: BoardLane) => number {
  if (swimlane === 'severity') return (a, b) => SEVERITIES.indexOf(a.key as never) - SEVERITIES.indexOf(b.key as never);
  if (swimlane === 'department') return (a, b) => DEPARTMENTS.indexOf(a.key as never) - DEPARTMENTS.indexOf(b.key as never);
  const collator = new Intl.Collator('zh-CN');
  return (a, b) => Number(a.key === LANE_UNASSIGNED) - Number(b.key === LANE_UNASSIGNED) || collator.compare(a.label ?? '', b.label ?? '');
}

@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CaseCardsRepository,
    private readonly slaPolicy: SlaPolicyService,
  ) {}

  /**
   * The first page of every column (of every lane), with totals. One repeatable-read snapshot,
   * so the cards, the totals and `seq` describe the same moment.
   */
  async snapshot(query: BoardQuery, viewerId: string): Promise<BoardSnapshot> {
    const limit = query.limit ?? BOARD_PAGE_SIZE;
    const swimlane = query.swimlane ?? 'none';
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ as_of: asOf, seq }]: { as_of: Date; seq: string }[] = await manager.query(
        'SELECT now() AS as_of, coalesce((SELECT max(seq) FROM case_events), 0) AS seq',
      );
      const policy = await this.slaPolicy.get(manager);
      const rows = await this.cards.find({ filters: query, viewerId, policy, asOf, limit }, manager);
      const lanes = new Map<string, BoardLane>();
      for (const row of rows) {
        let lane = lanes.get(row.lane);
        if (!lane) {
          lane = { key: row.lane, label: swimlane === 'owner' ? row.laneLabel : null, columns: emptyColumns() };
          lanes.set(row.lane, lane);
        }
        const slice = lane.columns[row.card.column];
        slice.total = row.total;
        slice.cards.push(row.card);
        slice.nextCursor = row.total > slice.cards.length ? encodeCursor(asOf, row.position) : null;
      }
      const ordered = [...lanes.values()].sort(laneOrder(swimlane));
      if (swimlane === 'none' && ordered.length === 0) ordered.push({ key: LANE_ALL, label: null, columns: emptyColumns() });
      return { swimlane, lanes: ordered, asOf: asOf.toISOString(), seq: Number(seq) };
    });
  }

  /** The cards after a cursor in one column (and lane), ranked as of the snapshot the cursor came from. */
  async page(column: CaseColumn, query: BoardPageQuery, viewerId: string): Promise<BoardPage> {
    const swimlane = query.swimlane ?? 'none';
    assertLaneFits(swimlane, query.lane);
    const cursor = decodeCursor(query.cursor);
    const asOf = new Date(cursor.asOf);
    const limit = query.limit ?? BOARD_PAGE_SIZE;
    const policy = await this.slaPolicy.get();
    const rows = await this.cards.find({
      filters: query,
      viewerId,
      policy,
      asOf,
      limit,
      column,
      lane: swimlane === 'none' ? undefined : query.lane,
      after: { rank: cursor.rank, key: cursor.key, id: cursor.id },
    });
    const last = rows.at(-1);
    return {
      cards: rows.map((row) => row.card),
      nextCursor: last && last.total > rows.length ? encodeCursor(asOf, last.position) : null,
    };
  }

  /** One card now, for a live update: null when the case exists but these filters leave it off the board. */
  async card(id: string, filters: BoardFilters, viewerId: string): Promise<BoardCardLookup> {
    const policy = await this.slaPolicy.get();
    const [row] = await this.cards.find({ filters, viewerId, policy, asOf: new Date(), ids: [id] });
    if (row) return { card: row.card };
    const [exists]: unknown[] = await this.dataSource.query('SELECT 1 FROM cases WHERE id = $1', [id]);
    if (!exists) throw new DomainError('CASE_NOT_FOUND', 404);
    return { card: null };
  }

  /** Every card on the unfiltered board (GET /api/cases), most urgent first in each column. */
  async allCards(): Promise<CaseCard[]> {
    const policy = await this.slaPolicy.get();
    const rows: CardRow[] = await this.cards.find({ filters: {}, viewerId: null, policy, asOf: new Date() });
    return rows.map((row) => row.card);
  }
}
