import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetailSchema, timelineEntrySchema, type CaseDetail } from '@app/shared';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

describe('the guarded workflow, through the API, on real PostgreSQL', () => {
  let testApp: TestApp;
  const as: Record<string, Api> = {};
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    for (const username of ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin']) {
      as[username] = apiAs(testApp, await loginAs(testApp, username));
      userId[username] = (await as[username].get('/auth/me')).body.id;
    }
  });
  afterAll(() => testApp.close());

  async function intake(overrides = {}): Promise<CaseDetail> {
    const answer = await as.agent.post('/cases', newComplaint(overrides));
    expect(answer.status).toBe(201);
    return caseDetailSchema.parse(answer.body);
  }

  async function patch(api: Api, current: CaseDetail, changes: object): Promise<CaseDetail> {
    const answer = await api.patch(`/cases/${current.id}`, { version: current.version, ...changes });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  }

  async function move(api: Api, current: CaseDetail, to: string, reason?: string) {
    return api.post(`/cases/${current.id}/transitions`, { to, version: current.version, ...(reason ? { reason } : {}) });
  }

  it('takes in a complaint: a CP-YYYYMMDD-NNNN number, intake column, the agent as owner, a timeline entry', async () => {
    const created = await intake();
    expect(created.number).toMatch(/^CP-\d{8}-\d{4}$/);
    expect(created.column).toBe('intake');
    expect(created.ownerId).toBe(userId.agent);
    expect(created.version).toBe(1);
    const timeline = timelineEntrySchema.array().parse((await as.agent.get(`/cases/${created.number}/timeline`)).body);
    expect(timeline.map((entry) => entry.type)).toEqual(['case.created']);
    expect(timeline[0].actorName).toBeTruthy();
  });

  it('allocates unique numbers for 50 concurrent intakes', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => as.agent.post('/cases', newComplaint())));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const numbers = answers.map((answer) => answer.body.number);
    expect(new Set(numbers).size).toBe(50);
  });

  it('finds the customer again by phone, with earlier cases, however the phone is typed', async () => {
    const first = await intake({ customer: { name: '李强', phone: '139 1234 5678' } });
    await intake({ customer: { name: '李强', phone: '+86 13912345678' } });
    const lookup = await as.agent.get('/customers/lookup?phone=13912345678');
    expect(lookup.status).toBe(200);
    expect(lookup.body.customer.id).toBe(first.customer.id);
    expect(lookup.body.cases).toHaveLength(2);
    const card = (await as.agent.get('/cases')).body.find((c: { id: string }) => c.id === first.id);
    expect(card.customerCaseCount).toBe(2);
  });

  it('refuses intake by roles that do not take complaints', async () => {
    expect((await as.quality.post('/cases', newComplaint())).status).toBe(403);
    expect((await as.admin.post('/cases', newComplaint())).status).toBe(403);
  });

  it('refuses a stale edit with 409 and the current case', async () => {
    const created = await intake();
    const edited = await patch(as.agent, created, { title: '生鲜包裹延误三天' });
    expect(edited.version).toBe(2);
    const stale = await as.agent.patch(`/cases/${created.id}`, { version: 1, title: '覆盖同事的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current.title).toBe('生鲜包裹延误三天');
  });

  it('walks a case from intake to closed, refusing each move until its facts are recorded', async () => {
    let current = await intake({ claim: { amount: 3000, remedies: ['compensation'] } });

    current = (await move(as.agent, current, 'investigation')).body;
    expect(current.column).toBe('investigation');

    const wrongRole = await move(as.agent, current, 'compensation');
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.code).toBe('ROLE_NOT_ALLOWED');

    const noVerdict = await move(as.quality, current, 'compensation');
    expect(noVerdict.status).toBe(422);
    expect(noVerdict.body).toMatchObject({ code: 'TRANSITION_REFUSED', missing: ['investigation.verdict'] });
    expect(noVerdict.body.message).toContain('无法移动');

    const notHisSection = await as.agent.patch(`/cases/${current.id}`, { version: current.version, investigation: { verdict: 'substantiated' } });
    expect(notHisSection.status).toBe(403);

    current = await patch(as.quality, current, { investigation: { verdict: 'substantiated', findings: '分拨中心扫描记录显示滞留 48 小时' } });
    current = (await move(as.quality, current, 'compensation')).body;
    expect(current.column).toBe('compensation');

    const lastUpdate = async () =>
      (await as.agent.get(`/cases/${current.id}/timeline`)).body.filter((entry: { type: string }) => entry.type === 'case.updated').at(-1).data;
    current = await patch(as.agent, current, { compensation: { remedies: ['compensation'], amount: 3000, customerAgreed: true } });
    expect(current.compensation.proposedBy).toBe(userId.agent);
    expect((await lastUpdate()).voidedApprovals).toBeUndefined();
    const unapproved = await move(as.agent, current, 'corrective_action');
    expect(unapproved.status).toBe(422);
    expect(unapproved.body.missing).toEqual(['approvals.department_head']);

    // ¥3,000 needs a department head: a supervisor lacks the authority.
    const supervisor = await as.supervisor.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 3000 });
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.details.reason).toBe('ROLE_LACKS_AUTHORITY');
    // An approver deciding on an amount that is no longer the proposed one must look again.
    const staleAmount = await as.head.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 2000 });
    expect(staleAmount.status).toBe(409);
    expect(staleAmount.body.code).toBe('AMOUNT_CHANGED');

    const approved = await as.head.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 3000 });
    expect(approved.status).toBe(201);
    current = approved.body;
    expect(current.approvals).toHaveLength(1);

    // Changing the amount voids the approval already given.
    current = await patch(as.agent, current, { compensation: { amount: 3200 } });
    expect(current.approvals[0].voidedAt).not.toBeNull();
    expect((await lastUpdate()).voidedApprovals).toBe(1);
    expect((await move(as.agent, current, 'corrective_action')).body.missing).toEqual(['approvals.department_head']);
    current = (await as.head.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 3200 })).body;

    current = (await move(as.agent, current, 'corrective_action')).body;
    expect(current.column).toBe('corrective_action');

    const incomplete = await move(as.operations, current, 'follow_up');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.missing).toEqual(
      expect.arrayContaining(['correctiveAction.rootCause', 'correctiveAction.preventiveDueDate', 'correctiveAction.remedyCarriedOut']),
    );
    current = await patch(as.operations, current, {
      correctiveAction: {
        rootCause: 'staff_operation',
        responsibleParty: '上海青浦分拨中心 夜班分拣组',
        accountabilityMeasure: '班组长书面检讨，扣减当月绩效',
        preventiveAction: '冷链件单独分拣通道，超 12 小时滞留自动预警',
        preventiveOwnerId: userId.operations,
        preventiveDueDate: '2026-12-15',
        remedyCarriedOut: true,
      },
    });
    current = (await move(as.operations, current, 'follow_up')).body;

    const unsatisfiedUnknown = await move(as.agent, current, 'closed');
    expect(unsatisfiedUnknown.body.missing).toEqual(expect.arrayContaining(['followUp.satisfied', 'followUp.score']));
    current = await patch(as.agent, current, { followUp: { satisfied: true, score: 5, comment: '客户认可赔偿方案' } });
    current = (await move(as.agent, current, 'closed')).body;
    expect(current.column).toBe('closed');

    const edits = await as.agent.patch(`/cases/${current.id}`, { version: current.version, title: '结案后修改' });
    expect(edits.status).toBe(422);
    expect(edits.body.code).toBe('SECTION_NOT_EDITABLE');

    const timeline = (await as.legal.get(`/cases/${current.id}/timeline`)).body as { type: string; data: any }[];
    expect(timeline.filter((entry) => entry.type === 'case.moved').map((entry) => entry.data.to)).toEqual([
      'investigation',
      'compensation',
      'corrective_action',
      'follow_up',
      'closed',
    ]);
    expect(timeline.filter((entry) => entry.type === 'approval.decided')).toHaveLength(2);
    const verdictChange = timeline.find((entry) => entry.type === 'case.updated' && entry.data.changes.some((c: any) => c.field === 'investigation.verdict'));
    expect(verdictChange?.data.changes).toContainEqual({ field: 'investigation.verdict', before: null, after: 'substantiated' });
    expect((await as.legal.get(`/cases/${current.id}/timeline/verify`)).body).toMatchObject({ valid: true, brokenAtSeq: null });
  });

  it('skips compensation when no money is involved, and reopens when the customer is not satisfied', async () => {
    let current = await intake({ category: 'staff_attitude', claim: { remedies: ['apology_letter'] } });
    current = (await move(as.supervisor, current, 'investigation')).body;
    current = await patch(as.quality, current, { investigation: { verdict: 'substantiated' } });
    const skip = await move(as.quality, current, 'corrective_action');
    expect(skip.status).toBe(200);
    current = skip.body;
    current = await patch(as.operations, current, {
      correctiveAction: {
        rootCause: 'staff_operation',
        responsibleParty: '杭州萧山营业部 快递员',
        accountabilityMeasure: '服务规范再培训',
        preventiveAction: '每周抽查通话录音',
        preventiveOwnerId: userId.operations,
        preventiveDueDate: '2026-12-31',
        remedyCarriedOut: true,
      },
    });
    current = (await move(as.operations, current, 'follow_up')).body;
    current = await patch(as.agent, current, { followUp: { satisfied: false, score: 2 } });
    const withoutReason = await move(as.agent, current, 'investigation');
    expect(withoutReason.body.missing).toEqual(['reason']);
    const reopened = await move(as.agent, current, 'investigation', '客户认为道歉不够诚恳，要求重新核实');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ column: 'investigation', reopenCount: 1, followUp: {} });
  });

  it('lets exactly one of 20 simultaneous moves at the same version win', async () => {
    const created = await intake();
    const answers = await Promise.all(Array.from({ length: 20 }, () => move(as.agent, created, 'investigation')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const timeline = (await as.agent.get(`/cases/${created.id}/timeline`)).body as { type: string }[];
    expect(timeline.filter((entry) => entry.type === 'case.moved')).toHaveLength(1);
  });

  it('keeps the timeline append-only in the database and detects tampering', async () => {
    const created = await intake();
    const dataSource = testApp.app.get(DataSource);
    await expect(dataSource.query(`UPDATE case_events SET data = '{}' WHERE case_id = $1`, [created.id])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM case_events WHERE case_id = $1`, [created.id])).rejects.toThrow(/append-only/);

    // Someone with the power to switch the guard off still cannot rewrite history unnoticed.
    await patch(as.agent, created, { title: '第二个事件' });
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_events DISABLE TRIGGER case_events_no_update_delete');
      await manager.query(
        `UPDATE case_events SET data = jsonb_set(data, '{title}', '"篡改"') WHERE case_id = $1 AND type = 'case.created'`,
        [created.id],
      );
      await manager.query('ALTER TABLE case_events ENABLE TRIGGER case_events_no_update_delete');
    });
    const verification = (await as.legal.get(`/cases/${created.id}/timeline/verify`)).body;
    expect(verification.valid).toBe(false);
    const firstSeq = (await as.legal.get(`/cases/${created.id}/timeline`)).body[0].seq;
    expect(verification.brokenAtSeq).toBe(firstSeq);
  });

  it('lets only admin change the approval authority tiers, validated', async () => {
    const policy = (await as.head.get('/settings/approval-policy')).body;
    expect(policy.tiers[0]).toEqual({ upTo: 500, approvers: ['cs_supervisor'] });
    expect((await as.head.put('/settings/approval-policy', policy)).status).toBe(403);
    const raised = { ...policy, tiers: [{ upTo: 1000, approvers: ['cs_supervisor'] }, ...policy.tiers.slice(1)] };
    expect((await as.admin.put('/settings/approval-policy', raised)).status).toBe(200);
    const broken = { ...policy, tiers: [{ upTo: -5, approvers: ['cs_supervisor'] }] };
    expect((await as.admin.put('/settings/approval-policy', broken)).status).toBe(400);

    // ¥800 now sits in the supervisor's tier.
    let current = await intake({ claim: { amount: 800, remedies: ['compensation'] } });
    current = (await move(as.agent, current, 'investigation')).body;
    current = await patch(as.quality, current, { investigation: { verdict: 'substantiated' } });
    current = (await move(as.quality, current, 'compensation')).body;
    current = await patch(as.agent, current, { compensation: { remedies: ['compensation'], amount: 800, customerAgreed: true } });
    expect((await as.supervisor.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 800 })).status).toBe(201);
    await as.admin.put('/settings/approval-policy', policy);
  });

  it('answers unknown and malformed case ids with 404, never 500', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'CP-19990101-0001', 'not-a-case', "1' OR '1'='1"]) {
      const answer = await as.agent.get(`/cases/${encodeURIComponent(id)}`);
      expect(answer.status, id).toBe(404);
      expect(answer.body.code).toBe('CASE_NOT_FOUND');
    }
  });
});
