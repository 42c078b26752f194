import type { DataSource, EntityManager } from 'typeorm';
import { approvalPolicySchema, DEFAULT_APPROVAL_POLICY, ROLES, type ApprovalPolicy } from '@app/shared';
import { phoneKey } from '../../modules/customers/phone-key.js';
import type { StaffMember } from './demo-data/lifecycle.js';
import { generateDemoMonth, type DemoMonth } from './demo-data/month.js';

export { HEADLINE_COMPENSATION_TITLE, HEADLINE_INTAKE_TITLE } from './demo-data/month.js';

/** The same key TimelineService takes, so that sequence numbers stay in commit order while the seed writes. */
const EVENT_ORDER_LOCK_KEY = 7_301_202_612;

/** Every role that acts on a case somewhere in the flow; admin never does. */
const ACTING_ROLES = ROLES.filter((role) => role !== 'admin');

/**
 * Fills an empty board with a month of complaints at a mid-size express company, a few dozen
 * open in every column, with the timeline, approvals and hash chain the app itself would have
 * written. Returns how many cases it inserted; a board that has cases is left alone.
 */
export async function seedDemoData(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    // Two servers starting on one fresh database must not both seed it.
    await manager.query('LOCK TABLE cases IN EXCLUSIVE MODE');
    const [{ count }]: { count: number }[] = await manager.query('SELECT count(*)::int AS count FROM cases');
    if (count > 0) return 0;

    // The database's clock, not this process's: "an hour ago" must agree with now() in every query.
    const [{ now }]: { now: Date }[] = await manager.query('SELECT now() AS now');
    const month = generateDemoMonth(now.getTime(), await loadStaff(manager), await loadApprovalPolicy(manager));
    await insertCustomers(manager, month);
    await insertCases(manager, month);
    await insertApprovals(manager, month);
    await insertEvents(manager, month);
    return month.cases.length;
  });
}

async function loadStaff(manager: EntityManager): Promise<StaffMember[]> {
  const users: StaffMember[] = await manager.query(
    'SELECT id, role, department FROM users WHERE active AND role = ANY($1) ORDER BY lower(username)',
    [ACTING_ROLES],
  );
  const missing = ACTING_ROLES.filter((role) => !users.some((user) => user.role === role));
  if (missing.length > 0) {
    throw new Error(`Demo data needs an active user in every role; none for ${missing.join(', ')}. Seed the demo users first.`);
  }
  return users;
}

/** The limits in force, so that every seeded approval is one the app would accept. */
async function loadApprovalPolicy(manager: EntityManager): Promise<ApprovalPolicy> {
  const [stored]: { value: unknown }[] = await manager.query(`SELECT value FROM settings WHERE key = 'approval_policy'`);
  return stored ? approvalPolicySchema.parse(stored.value) : DEFAULT_APPROVAL_POLICY;
}

const iso = (at: number) => new Date(at).toISOString();
const json = (value: unknown) => JSON.stringify(value);

async function insertCustomers(manager: EntityManager, { customers }: DemoMonth): Promise<void> {
  await manager.query(
    `INSERT INTO customers (id, name, phone, phone_key, email, company, type, created_at, updated_at)
     SELECT id, name, phone, phone_key, email, company, type, created_at, created_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
       AS seed (id, name, phone, phone_key, email, company, type, created_at)`,
    [
      customers.map((c) => c.id),
      customers.map((c) => c.name),
      customers.map((c) => c.phone),
      customers.map((c) => phoneKey(c.phone)),
      customers.map((c) => c.email),
      customers.map((c) => c.company),
      customers.map((c) => c.type),
      customers.map((c) => iso(c.createdAt)),
    ],
  );
}

/**
 * Numbers come from next_case_number in intake order, as they would have on the day; the
 * timeline's first event quotes the number, so it is filled in from what the database returns.
 */
async function insertCases(manager: EntityManager, { cases }: DemoMonth): Promise<void> {
  const rows: { id: string; number: string }[] = await manager.query(
    `INSERT INTO cases (id, number, title, board_column, channel, category, severity, customer_id, waybill, order_number,
                        origin, destination, declared_value, facts, claim, investigation, compensation,
                        compensation_proposed_by, corrective_action, follow_up, owner_id, owning_department, watcher_ids,
                        reopen_count, created_by, created_at, updated_at, column_entered_at, version)
     SELECT id, next_case_number(created_at), title, board_column, channel, category, severity, customer_id, waybill,
            order_number, origin, destination, declared_value, facts::jsonb, claim::jsonb, investigation::jsonb,
            compensation::jsonb, compensation_proposed_by, corrective_action::jsonb, follow_up::jsonb, owner_id,
            owning_department, watcher_ids::uuid[], reopen_count, created_by, created_at, updated_at, column_entered_at, version
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::numeric[], $13::text[], $14::text[], $15::text[], $16::text[], $17::uuid[],
                 $18::text[], $19::text[], $20::uuid[], $21::text[], $22::text[], $23::int[], $24::uuid[],
                 $25::timestamptz[], $26::timestamptz[], $27::timestamptz[], $28::int[])
       WITH ORDINALITY AS seed (id, title, board_column, channel, category, severity, customer_id, waybill, order_number,
                                origin, destination, declared_value, facts, claim, investigation, compensation,
                                compensation_proposed_by, corrective_action, follow_up, owner_id, owning_department,
                                watcher_ids, reopen_count, created_by, created_at, updated_at, column_entered_at, version, ord)
     ORDER BY ord
     RETURNING id, number`,
    [
      cases.map((c) => c.id),
      cases.map((c) => c.title),
      cases.map((c) => c.outcome.state.column),
      cases.map((c) => c.channel),
      cases.map((c) => c.category),
      cases.map((c) => c.severity),
      cases.map((c) => c.customerId),
      cases.map((c) => c.waybill),
      cases.map((c) => c.orderNumber),
      cases.map((c) => c.origin),
      cases.map((c) => c.destination),
      cases.map((c) => c.declaredValue),
      cases.map((c) => json(c.facts)),
      cases.map((c) => json(c.claim)),
      cases.map((c) => json(c.outcome.state.investigation)),
      cases.map((c) => json(c.outcome.state.compensation)),
      cases.map((c) => c.outcome.state.proposedBy),
      cases.map((c) => json(c.outcome.state.correctiveAction)),
      cases.map((c) => json(c.outcome.state.followUp)),
      cases.map((c) => c.outcome.state.ownerId),
      cases.map((c) => c.outcome.state.owningDepartment),
      cases.map((c) => `{${c.outcome.state.watcherIds.join(',')}}`),
      cases.map((c) => c.outcome.state.reopenCount),
      cases.map((c) => c.createdBy),
      cases.map((c) => iso(c.createdAt)),
      cases.map((c) => iso(c.outcome.state.updatedAt)),
      cases.map((c) => iso(c.outcome.state.columnEnteredAt)),
      cases.map((c) => c.outcome.state.version),
    ],
  );
  const numbers = new Map(rows.map((row) => [row.id, row.number]));
  for (const c of cases) c.createdData.number = numbers.get(c.id);
}

async function insertApprovals(manager: EntityManager, { approvals }: DemoMonth): Promise<void> {
  if (approvals.length === 0) return;
  await manager.query(
    `INSERT INTO case_approvals (id, case_id, approver_id, approver_role, decision, amount, reason, decided_at, voided_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::numeric[], $7::text[],
                          $8::timestamptz[], $9::timestamptz[])`,
    [
      approvals.map((a) => a.id),
      approvals.map((a) => a.caseId),
      approvals.map((a) => a.approverId),
      approvals.map((a) => a.approverRole),
      approvals.map((a) => a.decision),
      approvals.map((a) => a.amount),
      approvals.map((a) => a.reason),
      approvals.map((a) => iso(a.decidedAt)),
      approvals.map((a) => (a.voidedAt === null ? null : iso(a.voidedAt))),
    ],
  );
}

/**
 * One statement, rows in the order they happened: the chain trigger links each event to the
 * case's previous one, which it sees because earlier rows of the same statement are visible to
 * a row trigger's queries.
 */
async function insertEvents(manager: EntityManager, { events }: DemoMonth): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK_KEY]);
  await manager.query(
    `INSERT INTO case_events (case_id, type, actor_id, occurred_at, data)
     SELECT case_id, type, actor_id, occurred_at, data::jsonb
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[])
       WITH ORDINALITY AS seed (case_id, type, actor_id, occurred_at, data, ord)
     ORDER BY ord`,
    [
      events.map((e) => e.caseId),
      events.map((e) => e.type),
      events.map((e) => e.actorId),
      events.map((e) => iso(e.at)),
      events.map((e) => json(e.data)),
    ],
  );
}
