import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  escalationsOverviewSchema,
  mayWatchEscalations,
  type CaseDetail,
  type CreateCaseInput,
  type EscalationsOverview,
  type Role,
} from '@app/shared';
import { apiAs, newComplaint } from './support/api-client.js';
import { caseIn, signInTeam, TEAM_USERNAMES, type Team } from './support/case-fixtures.js';
import { seedUsers, startTestApp, type TestApp } from './support/test-app.js';


describe("the department heads' escalation view, on real PostgreSQL", () => {
  let testApp: TestApp;
  let db: DataSource;
  let team: Team;
  const cases = {} as Record<'longOverdue' | 'overdue' | 'warning' | 'seriousOnTime' | 'onTime' | 'seriousResolved', CaseDetail>;

  const intake = async (overrides: Partial<CreateCaseInput>): Promise<CaseDetail> => {
    const answer = await team.agent.post('/cases', newComplaint(overrides));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  /** The SLA clock runs from intake: moving intake back in time is how a case uses up its time. */
  const takenHoursAgo = (id: string, hours: number) =>
    db.query(`UPDATE cases SET created_at = now() - $2::float8 * interval '1 hour' WHERE id = $1`, [id, hours]);

  const overview = async (username: keyof Team, query = ''): Promise<EscalationsOverview> => {
    const answer = await team[username].get(`/escalations${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return escalationsOverviewSchema.parse(answer.body);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    db = testApp.app.get(DataSource);
    team = await signInTeam(testApp);
    const agentId: string = (await team.agent.get('/auth/me')).body.id;
    const operationsId: string = (await team.operations.get('/auth/me')).body.id;

    // First responses are due after 24 h (general), 8 h (important), 2 h (serious); the warning starts at ¾.
    cases.longOverdue = await intake({ severity: 'general', ownerId: agentId, title: '快件三天未派送' });
    await takenHoursAgo(cases.longOverdue.id, 30);
    cases.overdue = await intake({ severity: 'important', title: '外包装破损' });
    await takenHoursAgo(cases.overdue.id, 10);
    cases.warning = await intake({ severity: 'general', owningDepartment: 'quality', title: '物流信息不更新' });
    await takenHoursAgo(cases.warning.id, 19);
    cases.seriousOnTime = await intake({ severity: 'serious', title: '冷链药品延误' });
    cases.onTime = await intake({ severity: 'general', title: '快递员态度差' });
    // Resolved (follow-up) late: the clock has stopped, so it is no longer an escalation.
    cases.seriousResolved = await caseIn(team, 'follow_up', { preventiveOwnerId: operationsId, intake: { severity: 'serious' } });
    await takenHoursAgo(cases.seriousResolved.id, 40);
  });
  afterAll(() => testApp.close());

  it('lists the breached, warning and serious open cases, most overdue first', async () => {
    const { cases: listed, asOf } = await overview('head');
    expect(listed.map((escalated) => escalated.id)).toEqual([cases.longOverdue.id, cases.overdue.id, cases.warning.id, cases.seriousOnTime.id]);
    expect(listed.map((escalated) => escalated.slaState)).toEqual(['breached', 'breached', 'warning', 'ok']);
    expect(listed[0]).toMatchObject({
      number: cases.longOverdue.number,
      title: '快件三天未派送',
      column: 'intake',
      severity: 'general',
      customerName: '王芳',
      ownerName: '王晓燕',
      owningDepartment: 'customer_service',
      firstRespondedAt: null,
      resolvedAt: null,
    });
    expect(Date.parse(asOf)).toBeGreaterThan(Date.parse(listed[0].createdAt));
  });

  it('counts breached, warning and serious cases per department, the same whatever department is asked for', async () => {
    const expected = [
      { department: 'customer_service', breached: 2, warning: 0, serious: 1 },
      { department: 'quality', breached: 0, warning: 1, serious: 0 },
    ];
    expect((await overview('head')).departments).toEqual(expected);
    const quality = await overview('supervisor', '?department=quality');
    expect(quality.cases.map((escalated) => escalated.id)).toEqual([cases.warning.id]);
    expect(quality.departments).toEqual(expected);
  });

  it('answers with the SLA policy the states were computed with', async () => {
    expect((await overview('head')).policy.serious).toEqual({ firstResponseHours: 2, resolutionHours: 24 });
  });

  it.each(TEAM_USERNAMES)('is for department heads and customer-service supervisors only: %s', async (username) => {
    const { role }: { role: Role } = (await team[username].get('/auth/me')).body;
    const answer = await team[username].get('/escalations');
    expect(answer.status).toBe(mayWatchEscalations(role) ? 200 : 403);
    if (!mayWatchEscalations(role)) expect(answer.body.code).toBe('FORBIDDEN');
  });

  it('needs a session', async () => {
    expect((await apiAs(testApp, null).get('/escalations')).status).toBe(401);
  });

  it.each([
    ['an unknown department', '?department=warehouse', 'department'],
    ['an unknown parameter', '?severity=serious', ''],
  ])('refuses %s with 400', async (_, query, path) => {
    const answer = await team.head.get(`/escalations${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.details[0].path).toBe(path);
  });

  it('is in the OpenAPI document with its answer', async () => {
    const document = (await team.head.get('/docs/openapi.json')).body;
    const operation = document.paths['/api/escalations'].get;
    expect(operation.responses['200'].content['application/json'].schema.properties.departments).toBeDefined();
    expect(operation.responses['403']).toBeDefined();
  });
});
