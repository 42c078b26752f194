import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPORT_TOP, RESOLUTION_TARGET_HOURS, type Category, type Department, type MonthlyReport, type SlaPolicy } from '@app/shared';
import { slaClockJoins } from '../sla/sla.sql.js';

/** The complaints a report covers: taken in from `from` (inclusive) to `to`, of one owning department or all. */
export interface ReportScope {
  from: Date;
  to: Date;
  department: Department | null;
}

/** `$1` from, `$2` to, `$3` the department or null; every query below takes these first. */
const IN_SCOPE = `c.created_at >= $1 AND c.created_at < $2 AND ($3::text IS NULL OR c.owning_department = $3)`;
const scopeParameters = (scope: ReportScope) => [scope.from.toISOString(), scope.to.toISOString(), scope.department];

export type ReportTotals = Pick<MonthlyReport, 'cases' | 'overdue'> & {
  resolution: Omit<MonthlyReport['resolution'], 'share'>;
  satisfaction: Omit<MonthlyReport['satisfaction'], 'share'>;
};

/** The dimensions counted in one pass; the last four are free text and keep only their top entries. */
type Dimension = 'category' | 'channel' | 'severity' | 'root_cause' | 'origin' | 'destination' | 'location' | 'responsible_party';
export type Breakdowns = Record<Dimension, { key: string; count: number }[]>;

/**
 * The monthly report's aggregates, each one statement over the month's cases (found by the
 * intake-time index), never the cases themselves.
 */
@Injectable()
export class ReportsRepository {
  /** Month bounds in business time; computed by PostgreSQL so "midnight in Beijing" has one definition. */
  async monthBounds(manager: EntityManager, month: string): Promise<{ from: Date; to: Date; asOf: Date }> {
    const [bounds]: { from: Date; to: Date; as_of: Date }[] = await manager.query(
      `SELECT ($1 || '-01')::timestamp AT TIME ZONE 'Asia/Shanghai' AS from,
              (($1 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Shanghai' AS to,
              now() AS as_of`,
      [month],
    );
    return { from: bounds.from, to: bounds.to, asOf: bounds.as_of };
  }

  /**
   * Counts, resolution within the target, overdue and escalated cases, and the follow-up calls.
   * The SLA state is the board's own clock (sla.sql.ts) at `asOf`.
   */
  async totals(manager: EntityManager, scope: ReportScope, policy: SlaPolicy, asOf: Date): Promise<ReportTotals> {
    const [row]: Record<string, number | null>[] = await manager.query(
      `SELECT count(*)::int AS cases,
              count(*) FILTER (WHERE c.resolved_at <= c.created_at + $6::int * interval '1 hour')::int AS within_target,
              count(*) FILTER (WHERE c.resolved_at IS NOT NULL OR c.created_at + $6::int * interval '1 hour' <= $5)::int AS judged,
              count(*) FILTER (WHERE sla.state = 'breached')::int AS breached,
              count(*) FILTER (WHERE sla.state = 'missed')::int AS resolved_late,
              count(*) FILTER (WHERE c.channel = 'management')::int AS by_management,
              count(*) FILTER (WHERE c.channel = 'regulator')::int AS from_regulator,
              count(*) FILTER (WHERE c.follow_up ->> 'satisfied' = 'true')::int AS satisfied,
              (count(c.follow_up ->> 'satisfied') + coalesce(sum(c.reopen_count), 0))::int AS calls,
              round(avg((c.follow_up ->> 'score')::numeric), 2)::float8 AS average_score
       FROM cases c ${slaClockJoins('$4', '$5')}
       WHERE ${IN_SCOPE}`,
      [...scopeParameters(scope), JSON.stringify(policy), asOf.toISOString(), RESOLUTION_TARGET_HOURS],
    );
    return {
      cases: row.cases!,
      resolution: { withinTarget: row.within_target!, judged: row.judged! },
      overdue: {
        breached: row.breached!,
        resolvedLate: row.resolved_late!,
        escalatedByManagement: row.by_management!,
        fromRegulator: row.from_regulator!,
      },
      satisfaction: { calls: row.calls!, satisfied: row.satisfied!, averageScore: row.average_score },
    };
  }

  /**
   * Cases by category, channel, severity, root cause, origin and destination depot, the place it
   * happened and the responsible party, in one pass (grouping sets); most first, ties in a stable order.
   */
  async breakdowns(manager: EntityManager, scope: ReportScope): Promise<Breakdowns> {
    const rows: { dimension: Dimension; key: string; count: number }[] = await manager.query(
      `WITH month_cases AS (
         SELECT c.category, c.channel, c.severity, c.origin, c.destination,
                nullif(btrim(c.facts ->> 'location'), '') AS location,
                c.corrective_action ->> 'rootCause' AS root_cause,
                nullif(btrim(c.corrective_action ->> 'responsibleParty'), '') AS responsible_party
         FROM cases c WHERE ${IN_SCOPE}
       ), grouped AS (
         SELECT CASE
                  WHEN GROUPING(category) = 0 THEN 'category' WHEN GROUPING(channel) = 0 THEN 'channel'
                  WHEN GROUPING(severity) = 0 THEN 'severity' WHEN GROUPING(root_cause) = 0 THEN 'root_cause'
                  WHEN GROUPING(origin) = 0 THEN 'origin' WHEN GROUPING(destination) = 0 THEN 'destination'
                  WHEN GROUPING(location) = 0 THEN 'location' ELSE 'responsible_party'
                END AS dimension,
                coalesce(category, channel, severity, root_cause, origin, destination, location, responsible_party) AS key,
                count(*)::int AS count
         FROM month_cases
         GROUP BY GROUPING SETS ((category), (channel), (severity), (root_cause), (origin), (destination), (location), (responsible_party))
       )
       SELECT dimension, key, count FROM (
         SELECT *, row_number() OVER (PARTITION BY dimension ORDER BY count DESC, key COLLATE "C") AS rank
         FROM grouped WHERE key IS NOT NULL
       ) ranked
       WHERE rank <= $4 OR dimension IN ('category', 'channel', 'severity', 'root_cause')
       ORDER BY dimension, rank`,
      [...scopeParameters(scope), REPORT_TOP],
    );
    const breakdowns: Breakdowns = { category: [], channel: [], severity: [], root_cause: [], origin: [], destination: [], location: [], responsible_party: [] };
    for (const { dimension, key, count } of rows) breakdowns[dimension].push({ key, count });
    return breakdowns;
  }

  /**
   * Stays in each column, from the timeline: a case enters intake when created and every other
   * column when a move brings it there, and leaves with its next move. `column_entered_at` only
   * knows the latest column, not how long the earlier ones took.
   */
  async columnTimes(manager: EntityManager, scope: ReportScope): Promise<MonthlyReport['columnTimes']> {
    return manager.query(
      `WITH stays AS (
         SELECT CASE WHEN e.type = 'case.created' THEN 'intake' ELSE e.data ->> 'to' END AS board_column,
                e.occurred_at AS entered_at,
                lead(e.occurred_at) OVER (PARTITION BY e.case_id ORDER BY e.seq) AS left_at
         FROM cases c JOIN case_events e ON e.case_id = c.id AND e.type IN ('case.created', 'case.moved')
         WHERE ${IN_SCOPE}
       )
       SELECT board_column AS "column", count(left_at)::int AS stays,
              round((avg(extract(epoch FROM left_at - entered_at)) / 3600)::numeric, 2)::float8 AS "averageHours",
              (count(*) - count(left_at))::int AS "stillThere"
       FROM stays WHERE board_column <> 'closed'
       GROUP BY board_column`,
      scopeParameters(scope),
    );
  }

  /**
   * Approved compensation by category and in all. A case's amount is approved once an approval
   * completed the chain its amount needs (the timeline's `approval.decided` says so, judged by
   * the policy of that day) and has not been voided since by a new amount, a rejection or a
   * reopen; standing approvals of a case all carry its one current amount. Sums stay numeric.
   */
  async compensation(manager: EntityManager, scope: ReportScope): Promise<{ category: Category | null; cases: number; amount: string }[]> {
    return manager.query(
      `WITH approved AS (
         SELECT c.id, c.category, max(a.amount) AS amount
         FROM cases c
         JOIN case_events e ON e.case_id = c.id AND e.type = 'approval.decided'
           AND e.data ->> 'decision' = 'approved' AND (e.data ->> 'complete')::boolean
         JOIN case_approvals a ON a.id = (e.data ->> 'approvalId')::uuid AND a.voided_at IS NULL
         WHERE ${IN_SCOPE}
         GROUP BY c.id, c.category
       )
       SELECT category, count(*)::int AS cases, coalesce(sum(amount), 0)::numeric(16, 2)::text AS amount
       FROM approved
       GROUP BY GROUPING SETS ((category), ())
       ORDER BY sum(amount) DESC NULLS LAST, category`,
      scopeParameters(scope),
    );
  }

  /** Customers with two or more complaints in the month: how many, and the ten with the most. */
  async repeatComplainers(manager: EntityManager, scope: ReportScope): Promise<MonthlyReport['repeatComplainers']> {
    const rows: (MonthlyReport['repeatComplainers']['top'][number] & { customers: number; total: number })[] = await manager.query(
      `WITH repeaters AS (
         SELECT c.customer_id, count(*)::int AS cases
         FROM cases c WHERE ${IN_SCOPE}
         GROUP BY c.customer_id HAVING count(*) >= 2
       )
       SELECT cu.id AS "customerId", cu.name, cu.company,
              left(cu.phone_key, 3) || '****' || right(cu.phone_key, 4) AS phone,
              r.cases, (SELECT count(*) FROM cases x WHERE x.customer_id = cu.id)::int AS "allCases",
              count(*) OVER ()::int AS customers, (sum(r.cases) OVER ())::int AS total
       FROM repeaters r JOIN customers cu ON cu.id = r.customer_id
       ORDER BY r.cases DESC, cu.name COLLATE "C", cu.id
       LIMIT $4`,
      [...scopeParameters(scope), REPORT_TOP],
    );
    return {
      customers: rows[0]?.customers ?? 0,
      cases: rows[0]?.total ?? 0,
      top: rows.map(({ customers: _customers, total: _total, ...customer }) => customer),
    };
  }
}
