import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseColumn, Department, DepartmentEscalations, EscalatedCase, SlaPolicy, SlaState } from '@app/shared';
import { slaClockJoins } from '../sla/sla.sql.js';

interface CaseRow {
  id: string;
  number: string;
  title: string;
  board_column: CaseColumn;
  severity: EscalatedCase['severity'];
  customer_name: string;
  owner_name: string | null;
  owning_department: Department;
  created_at: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  sla_state: SlaState;
}

/**
 * The escalated cases: still open (follow-up and closed are resolved, the clock has stopped) and
 * breached, in warning, or serious. `$1` is the SLA policy, `$2` the instant; `joins` may read
 * `c` and the SLA clock.
 */
function escalatedCases(joins = ''): string {
  return `
    FROM cases c ${slaClockJoins('$1', '$2')}
    ${joins}
    WHERE c.board_column NOT IN ('follow_up', 'closed')
      AND (sla.state IN ('breached', 'warning') OR c.severity = 'serious')`;
}

/** Reads the escalated cases with the board's SLA clock (sla.sql.ts), so both agree on every state. */
@Injectable()
export class EscalationsRepository {
  /** Breached first, most overdue first; then warning; then serious cases on time; each by least time left. */
  async findCases(manager: EntityManager, policy: SlaPolicy, asOf: Date, department?: Department): Promise<EscalatedCase[]> {
    const rows: CaseRow[] = await manager.query(
      `SELECT c.id, c.number, c.title, c.board_column, c.severity, cu.name AS customer_name, owner.display_name AS owner_name,
              c.owning_department, c.created_at, c.first_responded_at, c.resolved_at, sla.state AS sla_state
       ${escalatedCases('JOIN customers cu ON cu.id = c.customer_id LEFT JOIN users owner ON owner.id = c.owner_id')}
         AND ($3::text IS NULL OR c.owning_department = $3)
       ORDER BY CASE sla.state WHEN 'breached' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, urgency.key, c.id`,
      [JSON.stringify(policy), asOf.toISOString(), department ?? null],
    );
    return rows.map(toEscalatedCase);
  }

  /** Per owning department, over every department whatever the view is narrowed to. */
  async countByDepartment(manager: EntityManager, policy: SlaPolicy, asOf: Date): Promise<DepartmentEscalations[]> {
    return manager.query(
      `SELECT c.owning_department AS department,
              (count(*) FILTER (WHERE sla.state = 'breached'))::int AS breached,
              (count(*) FILTER (WHERE sla.state = 'warning'))::int AS warning,
              (count(*) FILTER (WHERE c.severity = 'serious'))::int AS serious
       ${escalatedCases()}
       GROUP BY c.owning_department`,
      [JSON.stringify(policy), asOf.toISOString()],
    );
  }
}

function toEscalatedCase(row: CaseRow): EscalatedCase {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    column: row.board_column,
    severity: row.severity,
    customerName: row.customer_name,
    ownerName: row.owner_name,
    owningDepartment: row.owning_department,
    createdAt: row.created_at.toISOString(),
    firstRespondedAt: row.first_responded_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    slaState: row.sla_state,
  };
}
