import { SLA_WARNING_SHARE } from '@app/shared';

/**
 * The SLA clock of `cases c` as lateral joins, so a query can select, filter and sort by it:
 * `due.first_response_due`, `due.resolution_due`, the deadline running now `clock.active_due` and
 * the instant it warns `warning_point.warning_at`, `sla.state`, and the board's urgency order
 * `urgency.rank` (breached 0, running 1, resolved 2) then `urgency.key` (least time left first;
 * resolved cases most recent first). Mirrors `slaStatus` in shared, which counts down on the cards.
 *
 * @param policy placeholder of the SLA policy as jsonb (`{serious: {firstResponseHours, resolutionHours}, …}`)
 * @param asOf placeholder of the instant the state is computed at
 */
export function slaClockJoins(policy: string, asOf: string): string {
  return `
    CROSS JOIN LATERAL (
      SELECT c.created_at + (${policy}::jsonb -> c.severity ->> 'firstResponseHours')::float8 * interval '1 hour' AS first_response_due,
             c.created_at + (${policy}::jsonb -> c.severity ->> 'resolutionHours')::float8 * interval '1 hour' AS resolution_due
    ) due
    CROSS JOIN LATERAL (
      SELECT CASE WHEN c.first_responded_at IS NULL THEN due.first_response_due ELSE due.resolution_due END AS active_due
    ) clock
    CROSS JOIN LATERAL (
      SELECT c.created_at + (clock.active_due - c.created_at) * ${SLA_WARNING_SHARE} AS warning_at
    ) warning_point
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN c.resolved_at IS NOT NULL THEN CASE WHEN c.resolved_at <= due.resolution_due THEN 'met' ELSE 'missed' END
        WHEN ${asOf}::timestamptz >= clock.active_due THEN 'breached'
        WHEN ${asOf}::timestamptz >= warning_point.warning_at THEN 'warning'
        ELSE 'ok'
      END AS state
    ) sla
    CROSS JOIN LATERAL (
      SELECT CASE sla.state WHEN 'breached' THEN 0 WHEN 'met' THEN 2 WHEN 'missed' THEN 2 ELSE 1 END AS rank,
             CASE WHEN c.resolved_at IS NOT NULL THEN -extract(epoch FROM c.resolved_at)
                  ELSE extract(epoch FROM clock.active_due) END AS key
    ) urgency`;
}
