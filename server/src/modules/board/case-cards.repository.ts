import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CLOSED_VISIBLE_DAYS,
  LANE_ALL,
  LANE_UNASSIGNED,
  type BoardFilters,
  type CaseCard,
  type CaseColumn,
  type SlaPolicy,
  type SlaState,
  type Swimlane,
} from '@app/shared';
import { slaClockJoins } from '../sla/sla.sql.js';

/** Where a card sits in its column's urgency order; a page starts after one of these. */
export interface CardPosition {
  rank: number;
  /** A numeric (epoch seconds) kept as text, so it round-trips exactly. */
  key: string;
  id: string;
}

export interface CardQuery {
  filters: BoardFilters;
  /** Whose "mine" and "watching"; null matches nobody's. */
  viewerId: string | null;
  policy: SlaPolicy;
  asOf: Date;
  /** Cards per lane and column; all of them when absent. */
  limit?: number;
  column?: CaseColumn;
  lane?: string;
  after?: CardPosition;
  ids?: string[];
}

export interface CardRow {
  card: CaseCard;
  lane: string;
  laneLabel: string | null;
  position: CardPosition;
  /** Matching cards in the card's lane and column (after `after`, when given). */
  total: number;
}

interface Row {
  id: string;
  number: string;
  title: string;
  board_column: CaseColumn;
  severity: CaseCard['severity'];
  category: CaseCard['category'];
  channel: CaseCard['channel'];
  customer_name: string;
  customer_case_count: number;
  owner_id: string | null;
  owner_name: string | null;
  owning_department: CaseCard['owningDepartment'];
  created_at: Date;
  updated_at: Date;
  version: number;
  waybill: string;
  watcher_ids: string[];
  comment_count: number;
  evidence_count: number;
  amount: string | null;
  sla_state: SlaState;
  resolution_due: Date;
  first_response_due: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  lane: string;
  urgency_rank: number;
  urgency_key: string;
  total: string;
}

/** Positional parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const LANE_SQL: Record<Swimlane, string> = {
  none: `'${LANE_ALL}'`,
  severity: 'c.severity',
  department: 'c.owning_department',
  owner: `coalesce(c.owner_id::text, '${LANE_UNASSIGNED}')`,
};

/** `%`, `_` and `\` typed in the search box are searched for, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Phone numbers are matched on their digits (customers.phone_key); fewer than four would match almost anyone. */
const MIN_PHONE_DIGITS = 4;

/**
 * The one query behind every card the API hands out: the board, its pages, a single card for a
 * live update, and GET /api/cases. Filters, the SLA state and the urgency order are computed in
 * PostgreSQL, so filtering by SLA state and paging by urgency stay exact at any board size.
 */
@Injectable()
export class CaseCardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(query: CardQuery, manager: EntityManager = this.dataSource.manager): Promise<CardRow[]> {
    const params = new Params();
    const policy = params.add(JSON.stringify(query.policy));
    const asOf = params.add(query.asOf.toISOString());
    const lane = LANE_SQL[query.filters.swimlane ?? 'none'];
    const conditions = this.conditions(query, params, asOf, lane);
    const limit = query.limit === undefined ? null : params.add(query.limit);

    const rows: Row[] = await manager.query(
      `WITH matching AS (
         SELECT c.id, ${lane} AS lane, sla.state AS sla_state, due.first_response_due, due.resolution_due,
                urgency.rank AS urgency_rank, urgency.key AS urgency_key,
                row_number() OVER cell AS position,
                count(*) OVER (PARTITION BY ${lane}, c.board_column) AS total
         FROM cases c ${slaClockJoins(policy, asOf)}
         WHERE ${conditions.length > 0 ? conditions.join(' AND ') : 'true'}
         WINDOW cell AS (PARTITION BY ${lane}, c.board_column ORDER BY urgency.rank, urgency.key, c.id)
       )
       SELECT c.id, c.number, c.title, c.board_column, c.severity, c.category, c.channel,
              cu.name AS customer_name, c.owner_id, owner.display_name AS owner_name, c.owning_department,
              c.created_at, c.updated_at, c.version, c.waybill, c.watcher_ids,
              c.first_responded_at, c.resolved_at,
              coalesce(c.compensation ->> 'amount', c.claim ->> 'amount') AS amount,
              m.lane, m.sla_state, m.first_response_due, m.resolution_due, m.urgency_rank, m.urgency_key::text, m.total,
              (SELECT count(*) FROM cases same WHERE same.customer_id = c.customer_id)::int AS customer_case_count,
              (SELECT count(*) FROM case_comments k WHERE k.case_id = c.id)::int AS comment_count,
              (SELECT count(*) FROM case_evidence v WHERE v.case_id = c.id)::int AS evidence_count
       FROM matching m
       JOIN cases c ON c.id = m.id
       JOIN customers cu ON cu.id = c.customer_id
       LEFT JOIN users owner ON owner.id = c.owner_id
       ${limit ? `WHERE m.position <= ${limit}` : ''}
       ORDER BY m.lane, c.board_column, m.position`,
      params.values,
    );
    return rows.map(toCardRow);
  }

  private conditions(query: CardQuery, params: Params, asOf: string, lane: string): string[] {
    const { filters } = query;
    const conditions: string[] = [];
    const anyOf = (column: string, values: readonly string[] | undefined, type: string) => {
      if (values?.length) conditions.push(`${column} = ANY(${params.add(values)}::${type}[])`);
    };
    anyOf('c.category', filters.category, 'text');
    anyOf('c.severity', filters.severity, 'text');
    anyOf('c.channel', filters.channel, 'text');
    anyOf('c.owning_department', filters.department, 'text');
    anyOf('c.owner_id', filters.owner, 'uuid');
    anyOf('sla.state', filters.sla, 'text');
    anyOf('c.id', query.ids, 'uuid');
    if (filters.mine) conditions.push(`c.owner_id = ${params.add(query.viewerId)}::uuid`);
    if (filters.watching) conditions.push(`c.watcher_ids @> ARRAY[${params.add(query.viewerId)}::uuid]`);
    // Dates are business days in China, as case numbers are.
    if (filters.from) conditions.push(`c.created_at >= (${params.add(filters.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (filters.to) conditions.push(`c.created_at < (${params.add(filters.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (filters.q) {
      const pattern = params.add(likePattern(filters.q));
      const digits = filters.q.replace(/\D/g, '');
      const phone = digits.length >= MIN_PHONE_DIGITS ? ` OR phone_key LIKE ${params.add(likePattern(digits))}` : '';
      // ARRAY(…) rather than IN (…): an array of customer ids is an index condition on cases, so
      // every arm of the OR is indexed and PostgreSQL combines trigram index scans (BitmapOr)
      // instead of reading every case.
      conditions.push(
        `(c.number ILIKE ${pattern} OR c.waybill ILIKE ${pattern} OR c.title ILIKE ${pattern}
          OR c.customer_id = ANY (ARRAY(SELECT id FROM customers WHERE name ILIKE ${pattern}${phone})))`,
      );
    }
    if (!filters.q && !filters.from && !filters.to) {
      conditions.push(`(c.board_column <> 'closed' OR c.column_entered_at >= ${asOf}::timestamptz - interval '${CLOSED_VISIBLE_DAYS} days')`);
    }
    if (query.column) conditions.push(`c.board_column = ${params.add(query.column)}`);
    if (query.lane) conditions.push(`${lane} = ${params.add(query.lane)}`);
    if (query.after) {
      // Cases taken in after the snapshot reach the client live; inside the pages they would shift the order.
      conditions.push(`c.created_at <= ${asOf}::timestamptz`);
      const { rank, key, id } = query.after;
      conditions.push(`(urgency.rank, urgency.key, c.id) > (${params.add(rank)}::int, ${params.add(key)}::numeric, ${params.add(id)}::uuid)`);
    }
    return conditions;
  }
}

function toCardRow(row: Row): CardRow {
  return {
    card: {
      id: row.id,
      number: row.number,
      title: row.title,
      column: row.board_column,
      severity: row.severity,
      category: row.category,
      channel: row.channel,
      customerName: row.customer_name,
      customerCaseCount: row.customer_case_count,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      owningDepartment: row.owning_department,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
      waybill: row.waybill,
      watcherIds: row.watcher_ids,
      commentCount: row.comment_count,
      evidenceCount: row.evidence_count,
      amount: row.amount === null ? null : Number(row.amount),
      slaState: row.sla_state,
      slaDueAt: row.resolution_due.toISOString(),
      firstResponseDueAt: row.first_response_due.toISOString(),
      firstRespondedAt: row.first_responded_at?.toISOString() ?? null,
      resolvedAt: row.resolved_at?.toISOString() ?? null,
    },
    lane: row.lane,
    laneLabel: row.owner_name,
    position: { rank: row.urgency_rank, key: row.urgency_key, id: row.id },
    total: Number(row.total),
  };
}
