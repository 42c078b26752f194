/**
 * An approval as the API shows it, built in SQL so that the case detail's approvals and a newly
 * inserted one come back in the same shape. Times as `toISOString()` writes them: UTC, milliseconds.
 */
export function approvalJson(alias: string): string {
  const iso = (column: string) => `to_char(${alias}.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `json_build_object(
    'id', ${alias}.id, 'approverId', ${alias}.approver_id, 'approverRole', ${alias}.approver_role,
    'decision', ${alias}.decision, 'amount', ${alias}.amount, 'reason', ${alias}.reason,
    'decidedAt', ${iso('decided_at')}, 'voidedAt', ${iso('voided_at')})`;
}

/**
 * A case with its customer and approvals in one statement, by id or by number. With `forUpdate`
 * the case row (only that row) stays locked to the end of the transaction, and
 * `changed_while_locking` says whether another transaction changed the row while this one waited
 * for the lock: the locked row is then newer (its xmin) than the same row in the statement's
 * snapshot, which the rest of the statement was read from.
 */
export function caseDetailSql(by: 'id' | 'number', forUpdate: boolean): string {
  return `SELECT c.id, c.number, c.title, c.board_column, c.channel, c.category, c.severity,
      c.waybill, c.order_number, c.origin, c.destination, c.declared_value,
      c.facts, c.claim, c.investigation, c.compensation, c.compensation_proposed_by,
      c.corrective_action, c.follow_up, c.owner_id, c.owning_department, c.watcher_ids,
      c.reopen_count, c.created_by, c.created_at, c.updated_at, c.version,
      cu.id AS customer_id, cu.name AS customer_name, cu.phone AS customer_phone,
      cu.email AS customer_email, cu.company AS customer_company, cu.type AS customer_type,
      coalesce((SELECT json_agg(${approvalJson('a')} ORDER BY a.decided_at)
                FROM case_approvals a WHERE a.case_id = c.id), '[]') AS approvals
      ${forUpdate ? ', c.xmin <> (SELECT s.xmin FROM cases s WHERE s.id = c.id) AS changed_while_locking' : ''}
    FROM cases c JOIN customers cu ON cu.id = c.customer_id
    WHERE c.${by} = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`;
}
