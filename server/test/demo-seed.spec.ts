import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalStatus,
  CASE_COLUMNS,
  CASE_NUMBER_PATTERN,
  claimSchema,
  compensationSchema,
  correctiveActionSchema,
  DEFAULT_APPROVAL_POLICY,
  factsSchema,
  followUpSchema,
  involvesMoney,
  investigationSchema,
  type CaseColumn,
  type Compensation,
} from '@app/shared';
import { HEADLINE_COMPENSATION_TITLE, HEADLINE_INTAKE_TITLE, seedDemoData } from '../src/database/seed/demo-seed.js';
import { seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const BEYOND_INVESTIGATION: CaseColumn[] = ['compensation', 'corrective_action', 'follow_up', 'closed'];
const BEYOND_COMPENSATION: CaseColumn[] = ['corrective_action', 'follow_up', 'closed'];
/** The default SLA: first response (leaving intake) and resolution (reaching follow-up) from intake. */
const SLA_HOURS = {
  serious: { firstResponse: 2, resolution: 24 },
  important: { firstResponse: 8, resolution: 48 },
  general: { firstResponse: 24, resolution: 72 },
} as const;

interface CaseRow {
  id: string;
  number: string;
  title: string;
  board_column: CaseColumn;
  category: string;
  severity: keyof typeof SLA_HOURS;
  beijing_day: string;
  created_at: Date;
  column_entered_at: Date;
  updated_at: Date;
  version: number;
  facts: unknown;
  claim: unknown;
  investigation: { verdict?: string; findings?: string; customerExplanation?: string };
  compensation: Compensation;
  compensation_proposed_by: string | null;
  corrective_action: Record<string, unknown>;
  follow_up: { satisfied?: boolean; score?: number };
  owner_id: string | null;
  owning_department: string;
  reopen_count: number;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

interface ApprovalRow {
  case_id: string;
  approver_id: string;
  approver_role: string;
  decision: 'approved' | 'rejected';
  amount: string;
  voided_at: Date | null;
}

describe('demo data', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let inserted: number;
  let cases: CaseRow[];
  let approvals: ApprovalRow[];

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    dataSource = testApp.app.get(DataSource);
    const started = performance.now();
    inserted = await seedDemoData(dataSource);
    console.log(`seedDemoData inserted ${inserted} cases in ${Math.round(performance.now() - started)} ms`);
    cases = await dataSource.query(
      `SELECT c.*, to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS beijing_day FROM cases c ORDER BY c.created_at`,
    );
    approvals = await dataSource.query('SELECT * FROM case_approvals ORDER BY decided_at');
  }, 120_000);
  afterAll(() => testApp?.close());

  it('fills a month with about three thousand cases, a few dozen open in every column', () => {
    expect(inserted).toBe(cases.length);
    expect(cases.length).toBeGreaterThan(2700);
    expect(cases.length).toBeLessThan(3300);

    const perColumn = Object.fromEntries(CASE_COLUMNS.map((column) => [column, cases.filter((c) => c.board_column === column).length]));
    const now = Date.now();
    const hoursOpen = (c: CaseRow) => (now - c.created_at.getTime()) / 3_600_000;
    const breached = cases.filter(
      (c) =>
        (c.board_column === 'intake' && hoursOpen(c) > SLA_HOURS[c.severity].firstResponse) ||
        (!['follow_up', 'closed'].includes(c.board_column) && hoursOpen(c) > SLA_HOURS[c.severity].resolution),
    );
    const seriousBreached = breached.filter((c) => c.severity === 'serious');
    console.log('cases per column', perColumn);
    console.log(
      `open cases in SLA breach ${breached.length}, of them serious ${seriousBreached.length}:`,
      Object.fromEntries(CASE_COLUMNS.map((column) => [column, seriousBreached.filter((c) => c.board_column === column).length])),
    );
    for (const column of CASE_COLUMNS) expect(perColumn[column], column).toBeGreaterThanOrEqual(10);
    expect(perColumn.closed).toBeGreaterThan(cases.length * 0.8);
    expect(seriousBreached.filter((c) => c.board_column === 'intake' || c.board_column === 'investigation').length).toBeGreaterThan(5);

    const serious = cases.filter((c) => c.severity === 'serious').length / cases.length;
    expect(serious).toBeGreaterThan(0.1);
    expect(serious).toBeLessThan(0.2);
    expect(new Set(cases.map((c) => c.category)).size).toBe(10);
    expect(cases.filter((c) => c.category === 'delay').length).toBeGreaterThan(cases.filter((c) => c.category === 'damaged').length);
  });

  it('numbers every case CP-YYYYMMDD-NNNN for its Beijing intake day, uniquely and in intake order', () => {
    expect(new Set(cases.map((c) => c.number)).size).toBe(cases.length);
    const lastSerial = new Map<string, number>();
    for (const c of cases) {
      expect(c.number).toMatch(CASE_NUMBER_PATTERN);
      const [, day, serial] = c.number.split('-');
      expect(day).toBe(c.beijing_day);
      expect(Number(serial)).toBeGreaterThan(lastSerial.get(day) ?? 0);
      lastSerial.set(day, Number(serial));
    }
  });

  it('spreads over thirty days of realistic customers, with repeat complainers', async () => {
    const days = new Set(cases.map((c) => c.beijing_day));
    expect(days.size).toBeGreaterThanOrEqual(30);
    const customers: { phone: string; cases: number; company: string | null }[] = await dataSource.query(
      `SELECT cu.phone, cu.company, count(c.id)::int AS cases FROM customers cu JOIN cases c ON c.customer_id = cu.id GROUP BY cu.id`,
    );
    for (const customer of customers) expect(customer.phone).toMatch(/^1[3-9]\d{9}$/);
    const repeaters = customers.filter((customer) => customer.cases >= 2).length / customers.length;
    expect(repeaters).toBeGreaterThan(0.05);
    expect(repeaters).toBeLessThan(0.12);
    expect(customers.some((customer) => customer.company)).toBe(true);
  });

  it('stores every section in the shape the shared schemas accept', () => {
    for (const c of cases) {
      factsSchema.parse(c.facts);
      claimSchema.parse(c.claim);
      investigationSchema.parse(c.investigation);
      compensationSchema.parse(c.compensation);
      correctiveActionSchema.parse(c.corrective_action);
      followUpSchema.parse(c.follow_up);
    }
  });

  it('has recorded what each column requires before a case may leave it', () => {
    for (const c of cases.filter((c) => BEYOND_INVESTIGATION.includes(c.board_column))) {
      expect(c.investigation.verdict, c.number).toMatch(/^(substantiated|not_substantiated)$/);
      expect(c.investigation.findings, c.number).toBeTruthy();
      if (c.investigation.verdict === 'not_substantiated') {
        expect(c.investigation.customerExplanation, c.number).toBeTruthy();
        expect(['follow_up', 'closed'], c.number).toContain(c.board_column);
      }
    }
    for (const c of cases.filter((c) => BEYOND_COMPENSATION.includes(c.board_column) && c.investigation.verdict === 'substantiated')) {
      const action = c.corrective_action;
      if (c.board_column !== 'corrective_action') {
        for (const field of ['rootCause', 'responsibleParty', 'accountabilityMeasure', 'preventiveAction', 'preventiveOwnerId']) {
          expect(action[field], `${c.number} ${field}`).toBeTruthy();
        }
        expect(action.preventiveDueDate, c.number).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(action.remedyCarriedOut, c.number).toBe(true);
      }
      if (involvesMoney(c.compensation) || involvesMoney(c.claim as Compensation)) {
        expect(c.compensation.customerAgreed, c.number).toBe(true);
        expect(c.compensation_proposed_by, c.number).toBeTruthy();
      }
    }
    for (const c of cases.filter((c) => c.board_column === 'closed')) {
      expect(c.follow_up.satisfied, c.number).toBe(true);
      expect(c.follow_up.score, c.number).toBeGreaterThanOrEqual(1);
      expect(c.follow_up.score, c.number).toBeLessThanOrEqual(5);
    }
    expect(cases.some((c) => c.reopen_count > 0)).toBe(true);
  });

  it('has every paid-out amount approved by the authority its tier requires, never by its proposer', async () => {
    const roles = new Map<string, string>(
      (await dataSource.query('SELECT id, role FROM users')).map((user: { id: string; role: string }) => [user.id, user.role]),
    );
    const byCase = groupBy(approvals, (approval) => approval.case_id);
    const paid = cases.filter((c) => BEYOND_COMPENSATION.includes(c.board_column) && involvesMoney(c.compensation));
    expect(paid.length).toBeGreaterThan(500);
    for (const c of paid) {
      const decisions = (byCase.get(c.id) ?? []).map((a) => ({
        approverId: a.approver_id,
        approverRole: a.approver_role,
        decision: a.decision,
        amount: Number(a.amount),
        voidedAt: a.voided_at?.toISOString() ?? null,
      }));
      const status = approvalStatus({ compensation: { ...c.compensation, proposedBy: c.compensation_proposed_by }, approvals: decisions }, DEFAULT_APPROVAL_POLICY);
      expect(status.complete, `${c.number} missing ${status.missing.join(', ')}`).toBe(true);
    }
    for (const approval of approvals) {
      const c = cases.find((candidate) => candidate.id === approval.case_id)!;
      expect(approval.approver_id, c.number).not.toBe(c.compensation_proposed_by);
      expect(roles.get(approval.approver_id), c.number).toBe(approval.approver_role);
    }
    const amounts = paid.map((c) => c.compensation.amount ?? 0);
    expect(amounts.filter((amount) => amount > 5000).length).toBeGreaterThan(5);
    expect(approvals.some((approval) => approval.approver_role === 'legal')).toBe(true);
  });

  it('tells each case as a timeline that ends where the case stands, with an intact hash chain', async () => {
    const sample = cases.filter((_, index) => index % 15 === 0);
    const events: { case_id: string; seq: string; type: string; occurred_at: Date; data: Record<string, unknown>; intact: boolean }[] =
      await dataSource.query(
        `SELECT case_id, seq, type, occurred_at, data,
                prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain
                AND hash = case_event_digest(lag(hash) OVER chain, case_id, type, actor_id, occurred_at, data) AS intact
         FROM case_events WHERE case_id = ANY($1::uuid[])
         WINDOW chain AS (PARTITION BY case_id ORDER BY seq)
         ORDER BY case_id, seq`,
        [sample.map((c) => c.id)],
      );
    const byCase = groupBy(events, (event) => event.case_id);
    for (const c of sample) {
      const timeline = byCase.get(c.id) ?? [];
      expect(timeline.every((event) => event.intact), c.number).toBe(true);
      expect(timeline[0].type, c.number).toBe('case.created');
      expect(timeline[0].data, c.number).toMatchObject({ number: c.number, title: c.title, column: 'intake' });
      expect(timeline[0].occurred_at.getTime(), c.number).toBe(c.created_at.getTime());
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i].occurred_at.getTime(), c.number).toBeGreaterThan(timeline[i - 1].occurred_at.getTime());
      }
      const moves = timeline.filter((event) => event.type === 'case.moved');
      const lastMove = moves.at(-1);
      expect(lastMove?.data.to ?? 'intake', c.number).toBe(c.board_column);
      expect(c.column_entered_at.getTime(), c.number).toBe((lastMove ?? timeline[0]).occurred_at.getTime());
      expect(c.updated_at.getTime(), c.number).toBe(timeline.at(-1)!.occurred_at.getTime());
      expect(c.version, c.number).toBe(timeline.length);
    }

    const [{ out_of_order }]: { out_of_order: number }[] = await dataSource.query(
      `SELECT count(*)::int AS out_of_order FROM (
         SELECT occurred_at < lag(occurred_at) OVER (ORDER BY seq) AS earlier FROM case_events) e WHERE earlier`,
    );
    expect(out_of_order).toBe(0);
    const [{ latest }]: { latest: Date }[] = await dataSource.query('SELECT max(occurred_at) AS latest FROM case_events');
    expect(latest.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the headline cases the demo and other tests point at', async () => {
    const intake = cases.filter((c) => c.title === HEADLINE_INTAKE_TITLE);
    expect(intake).toHaveLength(1);
    expect(intake[0]).toMatchObject({ board_column: 'intake', severity: 'serious', category: 'delay' });
    const minutesAgo = (Date.now() - intake[0].created_at.getTime()) / 60_000;
    expect(minutesAgo).toBeGreaterThan(50);
    expect(minutesAgo).toBeLessThan(75);

    const lost = cases.filter((c) => c.title === HEADLINE_COMPENSATION_TITLE);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ board_column: 'compensation', severity: 'serious', category: 'lost' });
    expect(lost[0].compensation).toMatchObject({ amount: 8000, customerAgreed: true });
    expect(lost[0].compensation_proposed_by).toBeTruthy();
    expect(approvals.filter((approval) => approval.case_id === lost[0].id)).toEqual([]);
  });

  it('leaves a board that already has cases alone', async () => {
    expect(await seedDemoData(dataSource)).toBe(0);
    const [{ count }]: { count: number }[] = await dataSource.query('SELECT count(*)::int AS count FROM cases');
    expect(count).toBe(cases.length);
  });
});
