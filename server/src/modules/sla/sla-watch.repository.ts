import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SlaDeadline, SlaPolicy, Severity } from '@app/shared';
import { slaClockJoins } from './sla.sql.js';

/** A case that ran into the warning or past the due time of the deadline it runs against. */
export interface SlaCrossing {
  caseId: string;
  severity: Severity;
  deadline: SlaDeadline;
  level: 'warning' | 'breached';
  dueAt: Date;
}

interface CrossingRow {
  case_id: string;
  severity: Severity;
  deadline: SlaDeadline;
  level: 'warning' | 'breached';
  due_at: Date;
}

/**
 * Crossings that happened this long before the last sweep are still looked for: a move or a
 * reopen committed just after a sweep read the cases may carry a time from before it, and a
 * case locked by a writer during one sweep is skipped until the next.
 */
const LATE_COMMIT_GRACE = '5 minutes';

/** The SLA watch's state in PostgreSQL: how far it has looked, and which crossings it has announced. */
@Injectable()
export class SlaWatchRepository {
  /**
   * Takes the watch for this transaction and says how far it had looked; null while another
   * instance holds it (that one is sweeping, there is nothing left for this one to do).
   */
  async takeWatch(manager: EntityManager): Promise<Date | null> {
    const [row]: { swept_until: Date }[] = await manager.query(`SELECT swept_until FROM sla_watch FOR UPDATE SKIP LOCKED`);
    return row?.swept_until ?? null;
  }

  async advanceWatch(manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE sla_watch SET swept_until = greatest(swept_until, now())`);
  }

  /**
   * Claims the crossings of open cases, by the board's SLA clock as of now, that happened after
   * `sweptUntil` (less the grace) and were not announced yet; each is claimed once, by the
   * transaction that inserts its row. A crossing happens at the warning point or the due time,
   * or when the round began if that was later (a first response given late, a reopen after the
   * due time). The claimed cases are share-locked until commit, so no move can slip in between
   * the check and the event.
   */
  async claimCrossings(manager: EntityManager, policy: SlaPolicy, sweptUntil: Date): Promise<SlaCrossing[]> {
    const rows: CrossingRow[] = await manager.query(
      `WITH crossed AS (
         SELECT c.id AS case_id, c.severity, deadline.name AS deadline, sla.state AS level,
                clock.active_due AS due_at, round.started_at
         FROM cases c ${slaClockJoins('$1', 'now()')}
         CROSS JOIN LATERAL (
           SELECT CASE WHEN c.first_responded_at IS NULL THEN 'first_response' ELSE 'resolution' END AS name
         ) deadline
         CROSS JOIN LATERAL (
           SELECT CASE WHEN c.first_responded_at IS NULL THEN c.created_at
                  ELSE greatest(c.first_responded_at, (
                    SELECT max(e.occurred_at) FROM case_events e
                    WHERE e.case_id = c.id AND e.type = 'case.moved' AND e.data ->> 'kind' = 'reopen'))
                  END AS started_at
         ) round
         WHERE sla.state IN ('warning', 'breached')
           AND greatest(round.started_at, CASE sla.state WHEN 'breached' THEN clock.active_due ELSE warning_point.warning_at END)
               > $2::timestamptz - interval '${LATE_COMMIT_GRACE}'
           AND NOT EXISTS (
             SELECT 1 FROM sla_announcements a
             WHERE a.case_id = c.id AND a.deadline = deadline.name AND a.round_started_at = round.started_at AND a.level = sla.state)
         ORDER BY c.id
         FOR SHARE OF c SKIP LOCKED
       ),
       claimed AS (
         INSERT INTO sla_announcements (case_id, deadline, round_started_at, level)
         SELECT case_id, deadline, started_at, level FROM crossed
         ON CONFLICT DO NOTHING
         RETURNING case_id, deadline, round_started_at, level
       )
       SELECT crossed.case_id, crossed.severity, crossed.deadline, crossed.level, crossed.due_at
       FROM crossed
       JOIN claimed ON claimed.case_id = crossed.case_id AND claimed.deadline = crossed.deadline
                   AND claimed.round_started_at = crossed.started_at AND claimed.level = crossed.level
       ORDER BY crossed.case_id`,
      [JSON.stringify(policy), sweptUntil.toISOString()],
    );
    return rows.map((row) => ({ caseId: row.case_id, severity: row.severity, deadline: row.deadline, level: row.level, dueAt: row.due_at }));
  }
}
