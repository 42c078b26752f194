import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayReadReports, monthlyReportSchema, type CaseDetail, type MonthlyReport, type Role } from '@app/shared';
import { apiAs, newComplaint } from './support/api-client.js';
import { caseIn, signInTeam, TEAM_USERNAMES, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;

/** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += char;
  }
  return rows;
}

/** The rows of the CSV block titled `title`, header first, up to the blank line that ends it. */
function block(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((row) => row[0] === title);
  expect(start, title).toBeGreaterThan(0);
  const end = rows.findIndex((row, index) => index > start && row.length === 1 && row[0] === '');
  return rows.slice(start + 1, end === -1 ? undefined : end);
}

/**
 * October 2026 in Beijing time, made of cases driven through the API (then moved back in time by
 * SQL) and two written straight into the tables with a timeline of known instants, since the
 * timeline is append-only and the API stamps every move with the present.
 */
describe('the monthly management report, on real PostgreSQL', () => {
  let testApp: TestApp;
  let db: DataSource;
  let team: Team;
  const repeatPhone = '13800138888';

  const at = (iso: string) => new Date(iso);
  /** Intake at `createdAt`; a resolved case resolved `resolvedAfterHours` later, a responded one an hour after intake. */
  const backdate = (current: CaseDetail, createdAt: Date, resolvedAfterHours?: number) =>
    db.query(
      `UPDATE cases SET created_at = $2,
         first_responded_at = CASE WHEN first_responded_at IS NULL THEN NULL ELSE $2::timestamptz + interval '1 hour' END,
         resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE $3::timestamptz END
       WHERE id = $1`,
      [current.id, createdAt.toISOString(), resolvedAfterHours === undefined ? null : new Date(createdAt.getTime() + resolvedAfterHours * HOUR).toISOString()],
    );

  /** A case of the quality department with its timeline written at the given instants: [column it moves to, hours after intake]. */
  async function caseWithTimeline(createdAt: Date, moves: [string, number][], extra: { location?: string; followUp?: object }) {
    const [customer] = await db.query(`INSERT INTO customers (name, phone, phone_key) VALUES ('赵磊', $1, $1) RETURNING id`, [`1390000${Math.floor(Math.random() * 9000 + 1000)}`]);
    const column = moves.at(-1)?.[0] ?? 'intake';
    const [row] = await db.query(
      `INSERT INTO cases (number, title, board_column, channel, category, severity, customer_id, waybill, origin, destination,
                          facts, follow_up, owning_department, created_at, column_entered_at)
       VALUES (next_case_number($1), '上门揽收未按约定时间', $2, 'email', 'pickup', 'general', $3, $4, '广州天河营业部', '北京朝阳望京营业部',
               $5, $6, 'quality', $1, $1)
       RETURNING id`,
      [
        createdAt.toISOString(),
        column,
        customer.id,
        `KD9${Date.now() % 1e9}${Math.floor(Math.random() * 1000)}`,
        JSON.stringify({ description: '约定上午揽收，快递员下午才到', ...(extra.location ? { location: extra.location } : {}) }),
        JSON.stringify(extra.followUp ?? {}),
      ],
    );
    await db.query(`INSERT INTO case_events (case_id, type, occurred_at, data) VALUES ($1, 'case.created', $2, '{}')`, [row.id, createdAt.toISOString()]);
    let from = 'intake';
    for (const [to, hours] of moves) {
      await db.query(`INSERT INTO case_events (case_id, type, occurred_at, data) VALUES ($1, 'case.moved', $2, $3)`, [
        row.id,
        new Date(createdAt.getTime() + hours * HOUR).toISOString(),
        JSON.stringify({ from, to, kind: 'forward' }),
      ]);
      from = to;
    }
  }

  const report = async (query: string, username: keyof Team = 'head'): Promise<MonthlyReport> => {
    const answer = await team[username].get(`/reports/monthly${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return monthlyReportSchema.parse(answer.body);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    db = testApp.app.get(DataSource);
    team = await signInTeam(testApp);
    const preventiveOwnerId: string = (await team.operations.get('/auth/me')).body.id;
    const repeatCustomer = { name: '王芳', phone: repeatPhone, type: 'rational' as const };

    // Resolved in 30 h: within 48 h and within its (important, 48 h) SLA; ¥300 approved by a supervisor.
    const closedDelay = await caseIn(team, 'closed', { preventiveOwnerId, amount: 300, intake: { customer: repeatCustomer } });
    await backdate(closedDelay, at('2026-10-10T02:00:00Z'), 30);

    // Serious, from the regulator, resolved in 60 h: late; ¥6,000 approved by a head and legal.
    const closedLost = await caseIn(team, 'closed', {
      preventiveOwnerId,
      amount: 6000,
      intake: { category: 'lost', channel: 'regulator', severity: 'serious' },
    });
    await backdate(closedLost, at('2026-10-12T02:00:00Z'), 60);
    await db.query(
      `UPDATE cases SET follow_up = '{"satisfied": true, "score": 3}',
         corrective_action = corrective_action || '{"rootCause": "carrier_supplier", "responsibleParty": "干线承运商 顺畅汽运有限公司"}'
       WHERE id = $1`,
      [closedLost.id],
    );

    // Escalated by management; ¥6,000 approved by the head but not yet by legal: not approved.
    let halfApproved = await caseIn(team, 'compensation', { preventiveOwnerId, amount: 6000, intake: { category: 'damaged', channel: 'management' } });
    halfApproved = (await team.agent.patch(`/cases/${halfApproved.id}`, {
      version: halfApproved.version,
      compensation: { remedies: ['compensation'], amount: 6000, customerAgreed: true },
    })).body;
    expect((await team.head.post(`/cases/${halfApproved.id}/approvals`, { decision: 'approved', amount: 6000 })).status).toBe(201);
    await backdate(halfApproved, at('2026-10-20T02:00:00Z'));

    // The last minutes of October in Beijing, which are still the 31st in UTC too.
    const complaint = newComplaint({ category: 'delay', channel: 'wechat', severity: 'general' });
    const intake = (await team.agent.post('/cases', { ...complaint, shipment: { ...complaint.shipment, origin: '义乌北苑营业部' } })).body;
    await backdate(intake, at('2026-10-31T15:30:00Z'));

    // Not satisfied at the follow-up call, reopened to investigation: its ¥120.50 stays approved.
    let reopened = await caseIn(team, 'follow_up', { preventiveOwnerId, amount: 120.5, intake: { category: 'damaged', customer: repeatCustomer } });
    reopened = (await team.agent.patch(`/cases/${reopened.id}`, { version: reopened.version, followUp: { satisfied: false, score: 1 } })).body;
    const reopen = await team.agent.post(`/cases/${reopened.id}/transitions`, { to: 'investigation', version: reopened.version, reason: '客户不认可赔偿金额' });
    expect(reopen.status, JSON.stringify(reopen.body)).toBe(200);
    await backdate(reopened, at('2026-10-15T02:00:00Z'));

    // Midnight of 1 November and a minute before 1 October, Beijing time: outside October.
    const november = await caseIn(team, 'intake', { preventiveOwnerId, intake: { customer: repeatCustomer } });
    await backdate(november, at('2026-10-31T16:00:00Z'));
    const september = await caseIn(team, 'intake', { preventiveOwnerId });
    await backdate(september, at('2026-09-30T15:59:00Z'));

    // Quality's two, with known stays: 2 h in intake, 10 h in investigation, 3 h in follow-up; 4 h in intake, then still investigating.
    await caseWithTimeline(at('2026-10-05T00:00:00Z'), [['investigation', 2], ['follow_up', 12], ['closed', 15]], {
      location: '广州白云转运中心',
      followUp: { satisfied: true, score: 4 },
    });
    await caseWithTimeline(at('2026-10-06T00:00:00Z'), [['investigation', 4]], {});
  });
  afterAll(() => testApp.close());

  it('counts the month by category, channel and severity, every value listed, most first', async () => {
    const october = await report('?month=2026-10');
    expect(october).toMatchObject({ month: '2026-10', department: null, from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z', cases: 7 });
    expect(october.byCategory).toEqual([
      { key: 'damaged', count: 2 },
      { key: 'delay', count: 2 },
      { key: 'pickup', count: 2 },
      { key: 'lost', count: 1 },
      ...['misdelivered', 'short_items', 'wrong_tracking', 'staff_attitude', 'billing', 'other'].map((key) => ({ key, count: 0 })),
    ]);
    expect(october.byChannel.slice(0, 5)).toEqual([
      { key: 'email', count: 2 },
      { key: 'phone', count: 2 },
      { key: 'management', count: 1 },
      { key: 'regulator', count: 1 },
      { key: 'wechat', count: 1 },
    ]);
    expect(october.byChannel).toHaveLength(10);
    expect(october.bySeverity).toEqual([
      { key: 'serious', count: 1 },
      { key: 'important', count: 3 },
      { key: 'general', count: 3 },
    ]);
  });

  it('names the hot spots: origin and destination depots and where it happened', async () => {
    const { hotSpots } = await report('?month=2026-10');
    expect(hotSpots.origins).toEqual([
      { key: '上海青浦分拨中心', count: 4 },
      { key: '广州天河营业部', count: 2 },
      { key: '义乌北苑营业部', count: 1 },
    ]);
    expect(hotSpots.destinations).toEqual([
      { key: '杭州萧山营业部', count: 5 },
      { key: '北京朝阳望京营业部', count: 2 },
    ]);
    expect(hotSpots.locations).toEqual([
      { key: '杭州市萧山区', count: 5 },
      { key: '广州白云转运中心', count: 1 },
    ]);
  });

  it('shares resolved within 48 h of the cases that can be judged, and the overdue and escalated', async () => {
    const october = await report('?month=2026-10');
    // Resolved: 30 h, 60 h and quality's 12 h; open long past 48 h: four.
    expect(october.resolution).toEqual({ withinTarget: 2, judged: 7, share: 2 / 7 });
    expect(october.overdue).toEqual({ breached: 4, resolvedLate: 1, escalatedByManagement: 1, fromRegulator: 1 });
  });

  it('sums approved compensation exactly, only where the approval chain is complete', async () => {
    const { compensation } = await report('?month=2026-10');
    expect(compensation).toEqual({
      cases: 3,
      amount: '6420.50',
      byCategory: [
        { category: 'lost', cases: 1, amount: '6000.00' },
        { category: 'delay', cases: 1, amount: '300.00' },
        { category: 'damaged', cases: 1, amount: '120.50' },
      ],
    });
  });

  it('rates satisfaction by follow-up call, a reopen being a call that was not satisfied', async () => {
    const { satisfaction } = await report('?month=2026-10');
    expect(satisfaction).toEqual({ calls: 4, satisfied: 3, share: 0.75, averageScore: 4 });
  });

  it('counts root causes by the six sources and the responsible parties', async () => {
    const { rootCauses } = await report('?month=2026-10');
    expect(rootCauses.recorded).toBe(3);
    expect(rootCauses.bySource).toEqual([
      { key: 'staff_operation', count: 2 },
      { key: 'carrier_supplier', count: 1 },
      ...['sales', 'agent', 'customer', 'force_majeure'].map((key) => ({ key, count: 0 })),
    ]);
    expect(rootCauses.responsibleParties).toEqual([
      { key: '上海青浦分拨中心 夜班分拣组', count: 2 },
      { key: '干线承运商 顺畅汽运有限公司', count: 1 },
    ]);
  });

  it('lists repeat complainers with their month and all their complaints, the phone masked', async () => {
    const { repeatComplainers } = await report('?month=2026-10');
    expect(repeatComplainers).toMatchObject({ customers: 1, cases: 2 });
    expect(repeatComplainers.top).toEqual([
      { customerId: expect.any(String), name: '王芳', company: null, phone: '138****8888', cases: 2, allCases: 3 },
    ]);
  });

  it("narrows to one owning department, and times each column's stays from the timeline", async () => {
    const quality = await report('?month=2026-10&department=quality');
    expect(quality).toMatchObject({ department: 'quality', cases: 2 });
    expect(quality.columnTimes).toEqual([
      { column: 'intake', stays: 2, averageHours: 3, stillThere: 0 },
      { column: 'investigation', stays: 1, averageHours: 10, stillThere: 1 },
      { column: 'compensation', stays: 0, averageHours: null, stillThere: 0 },
      { column: 'corrective_action', stays: 0, averageHours: null, stillThere: 0 },
      { column: 'follow_up', stays: 1, averageHours: 3, stillThere: 0 },
    ]);
  });

  it('reads an empty month as zeros, not as an error', async () => {
    const empty = await report('?month=2025-02');
    expect(empty).toMatchObject({ cases: 0, resolution: { judged: 0, share: null }, compensation: { cases: 0, amount: '0.00', byCategory: [] } });
    expect(empty.satisfaction).toEqual({ calls: 0, satisfied: 0, share: null, averageScore: null });
  });

  it('is for the current month when none is asked for', async () => {
    const current = await report('');
    expect(current.month).toMatch(/^\d{4}-\d{2}$/);
    expect(Date.parse(current.from)).toBeLessThanOrEqual(Date.parse(current.asOf));
    expect(Date.parse(current.to)).toBeGreaterThan(Date.parse(current.asOf));
  });

  it('downloads as a UTF-8 CSV with a byte-order mark, one block per table, zh-CN headers', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/reports/monthly.csv?month=2026-10`, {
      headers: { cookie: await loginAs(testApp, 'supervisor') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="complaint-report-2026-10.csv"; filename*=UTF-8''${encodeURIComponent('投诉月报-2026-10.csv')}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual(['投诉月报', '2026-10']);
    expect(block(rows, '关键指标')).toEqual([
      ['指标', '数值', '目标'],
      ['受理投诉（件）', '7', ''],
      ['48 小时内解决率（%）', '28.6', '95.0'],
      ['回访满意率（%）', '75.0', '90.0'],
      ['已批准赔偿金额（元）', '6420.50', ''],
    ]);
    expect(block(rows, '按投诉类别').slice(0, 3)).toEqual([
      ['投诉类别', '件数', '占比（%）'],
      ['破损', '2', '28.6'],
      ['延误', '2', '28.6'],
    ]);
    expect(block(rows, '已批准赔偿（按投诉类别）').at(-1)).toEqual(['合计', '3', '6420.50']);
    expect(block(rows, '重复投诉客户（本月 1 位，共 2 件，前 10）')).toEqual([
      ['客户', '公司', '电话', '本月投诉（件）', '累计投诉（件）'],
      ['王芳', '', '138****8888', '2', '3'],
    ]);
  });

  it.each(TEAM_USERNAMES)('is for heads, customer-service supervisors and quality: %s', async (username) => {
    const { role }: { role: Role } = (await team[username].get('/auth/me')).body;
    const answer = await team[username].get('/reports/monthly?month=2026-10');
    expect(answer.status).toBe(mayReadReports(role) ? 200 : 403);
    if (!mayReadReports(role)) expect(answer.body.code).toBe('FORBIDDEN');
  });

  it('refuses the CSV to the same roles', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/reports/monthly.csv?month=2026-10`, { headers: { cookie: await loginAs(testApp, 'agent') } });
    expect(response.status).toBe(403);
  });

  it('needs a session', async () => {
    expect((await apiAs(testApp, null).get('/reports/monthly')).status).toBe(401);
  });

  it.each([
    ['a thirteenth month', '?month=2026-13', 'month'],
    ['a month without its dash', '?month=202610', 'month'],
    ['an unknown department', '?department=warehouse', 'department'],
    ['an unknown parameter', '?severity=serious', ''],
  ])('refuses %s with 400', async (_, query, path) => {
    const answer = await team.head.get(`/reports/monthly${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.details[0].path).toBe(path);
  });
});
