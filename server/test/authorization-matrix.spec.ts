import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_APPROVAL_POLICY,
  INTAKE_ROLES,
  MOVES,
  requiredApprovers,
  roleCovers,
  ROLES,
  SECTION_RULES,
  STAFF_ROLES,
  type CaseColumn,
  type CaseDetail,
  type CaseSection,
  type MoveDefinition,
  type Role,
} from '@app/shared';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { DEMO_PASSWORD } from '../src/database/seed/demo-users.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const USERNAME: Record<Role, keyof Team> = {
  cs_agent: 'agent',
  cs_supervisor: 'supervisor',
  quality_investigator: 'quality',
  operations: 'operations',
  legal: 'legal',
  department_head: 'head',
  admin: 'admin',
};

/**
 * Every mutating endpoint × every role, the expectation derived from the shared workflow: the
 * roles it names get through (2xx), every other role gets 403.
 */
describe('authorisation matrix', () => {
  let testApp: TestApp;
  let team: Team;
  let operationsId: string;
  let cookies: Record<Role, string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    const entries = await Promise.all(
      Object.values(USERNAME).map(async (username) => {
        const cookie = await loginAs(testApp, username);
        return [username, { api: apiAs(testApp, cookie), cookie }] as const;
      }),
    );
    team = Object.fromEntries(entries.map(([username, session]) => [username, session.api])) as Team;
    cookies = Object.fromEntries(
      (Object.entries(USERNAME) as [Role, keyof Team][]).map(([role, username]) => [role, entries.find(([name]) => name === username)![1].cookie]),
    ) as Record<Role, string>;
    operationsId = (await team.operations.get('/auth/me')).body.id;
  });
  afterAll(() => testApp.close());

  const as = (role: Role): Api => team[USERNAME[role]];
  const expectVerdict = (answer: { status: number; body: unknown }, allowed: boolean, label: string) => {
    if (allowed) expect(answer.status, `${label}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    else expect(answer.status, label).toBe(403);
  };

  it.each(ROLES)('POST /cases as %s', async (role) => {
    expectVerdict(await as(role).post('/cases', newComplaint()), INTAKE_ROLES.includes(role), role);
  });

  const SECTION_EDITS: Record<CaseSection, { column: CaseColumn; changes: object }> = {
    intake: { column: 'intake', changes: { title: '标题补充：冷链件' } },
    assignment: { column: 'investigation', changes: { owningDepartment: 'quality' } },
    investigation: { column: 'investigation', changes: { investigation: { findings: '调取分拨中心扫描记录' } } },
    compensation: { column: 'compensation', changes: { compensation: { customerAgreed: true } } },
    correctiveAction: { column: 'corrective_action', changes: { correctiveAction: { responsibleParty: '夜班分拣组' } } },
    followUp: { column: 'follow_up', changes: { followUp: { comment: '已电话回访' } } },
  };

  describe.each(Object.keys(SECTION_EDITS) as CaseSection[])('PATCH /cases/:id, section %s', (section) => {
    it.each(ROLES)('as %s', async (role) => {
      const { column, changes } = SECTION_EDITS[section];
      const current = await caseIn(team, column, { preventiveOwnerId: operationsId });
      const answer = await as(role).patch(`/cases/${current.id}`, { version: current.version, ...changes });
      expectVerdict(answer, SECTION_RULES[section].roles.includes(role), `${section} as ${role}`);
    });
  });

  /** A case in the move's source column with exactly what that move needs recorded. */
  async function readyFor(move: MoveDefinition): Promise<{ current: CaseDetail; reason?: string }> {
    const noMoney = move.from === 'investigation' && move.to === 'corrective_action';
    const notSubstantiated = move.from === 'investigation' && move.to === 'follow_up';
    let current = await caseIn(team, move.from, {
      readyToLeave: !notSubstantiated && move.kind !== 'reopen',
      preventiveOwnerId: operationsId,
      ...(noMoney ? { intake: { claim: { remedies: ['apology_letter'] } } } : {}),
    });
    const edit = async (api: Api, changes: object) => {
      const answer = await api.patch(`/cases/${current.id}`, { version: current.version, ...changes });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      current = answer.body;
    };
    if (notSubstantiated) {
      await edit(team.quality, { investigation: { verdict: 'not_substantiated', customerExplanation: '签收记录与监控一致，已向客户说明' } });
    }
    if (move.kind === 'reopen') await edit(team.agent, { followUp: { satisfied: false, score: 2 } });
    return { current, reason: move.needsReason ? '客户不认可，退回重新处理' : undefined };
  }

  describe.each(MOVES.map((move) => [`${move.from} → ${move.to}`, move] as const))('POST transitions %s', (_, move) => {
    it.each(ROLES)('as %s', async (role) => {
      const { current, reason } = await readyFor(move);
      const answer = await as(role).post(`/cases/${current.id}/transitions`, { to: move.to, version: current.version, reason });
      expectVerdict(answer, move.roles.includes(role), `${move.from} → ${move.to} as ${role}`);
    });
  });

  describe.each([300, 3000, 8000])('POST approvals for ¥%d', (amount) => {
    it.each(ROLES)('as %s', async (role) => {
      const current = await caseIn(team, 'compensation', { preventiveOwnerId: operationsId, amount });
      const proposed = await team.agent.patch(`/cases/${current.id}`, {
        version: current.version,
        compensation: { remedies: ['compensation'], amount, customerAgreed: true },
      });
      const slots = requiredApprovers(amount, DEFAULT_APPROVAL_POLICY);
      const allowed = slots.some((slot) => roleCovers(role, slot, DEFAULT_APPROVAL_POLICY));
      const answer = await as(role).post(`/cases/${proposed.body.id}/approvals`, { decision: 'approved', amount });
      expectVerdict(answer, allowed, `¥${amount} as ${role}`);
    });
  });

  it.each(ROLES)('POST /cases/:id/comments as %s', async (role) => {
    const current = await caseIn(team, 'investigation', { preventiveOwnerId: operationsId });
    const answer = await as(role).post(`/cases/${current.id}/comments`, { body: '@quality 请补充分拨中心的扫描记录' });
    expectVerdict(answer, STAFF_ROLES.includes(role), role);
  });

  it.each(ROLES)('POST /cases/:id/evidence as %s', async (role) => {
    const current = await caseIn(team, 'investigation', { preventiveOwnerId: operationsId });
    const form = new FormData();
    form.append('file', new Blob([ONE_PIXEL_PNG], { type: 'image/png' }), '破损照片.png');
    form.append('caption', '外箱破损');
    const response = await fetch(`${testApp.baseUrl}/api/cases/${current.id}/evidence`, {
      method: 'POST',
      headers: { cookie: cookies[role] },
      body: form,
    });
    expectVerdict({ status: response.status, body: await response.json() }, STAFF_ROLES.includes(role), role);
  });

  it.each(ROLES)('PUT /settings/approval-policy as %s', async (role) => {
    const answer = await as(role).put('/settings/approval-policy', DEFAULT_APPROVAL_POLICY);
    expectVerdict(answer, role === 'admin', role);
  });

  describe('user management', () => {
    let targetId: string;
    beforeAll(async () => {
      const answer = await as('admin').post('/users', {
        username: 'matrixtarget',
        displayName: '韩梅',
        role: 'cs_agent',
        department: 'customer_service',
        password: 'matrix-2026',
      });
      targetId = answer.body.id;
    });

    it.each(ROLES)('POST /users as %s', async (role) => {
      const input = { username: `new${role.replace('_', '')}`, displayName: '韩梅', role: 'cs_agent', department: 'customer_service', password: 'matrix-2026' };
      expectVerdict(await as(role).post('/users', input), role === 'admin', role);
    });

    it.each(ROLES)('PATCH /users/:id as %s', async (role) => {
      expectVerdict(await as(role).patch(`/users/${targetId}`, { displayName: `韩梅 ${role}` }), role === 'admin', role);
    });

    it.each(ROLES)('POST /users/:id/password as %s', async (role) => {
      expectVerdict(await as(role).post(`/users/${targetId}/password`, { password: 'matrix-2027' }), role === 'admin', role);
    });

    it.each(ROLES)('POST /auth/password (their own) as %s', async (role) => {
      const answer = await as(role).post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
      expectVerdict(answer, true, role);
    });
  });

  it('refuses every mutating endpoint without a session', async () => {
    const anonymous = apiAs(testApp, null);
    const current = await caseIn(team, 'intake', { preventiveOwnerId: operationsId });
    const attempts = [
      anonymous.post('/cases', newComplaint()),
      anonymous.patch(`/cases/${current.id}`, { version: 1, title: 'x' }),
      anonymous.post(`/cases/${current.id}/transitions`, { to: 'investigation', version: 1 }),
      anonymous.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 1 }),
      anonymous.put('/settings/approval-policy', DEFAULT_APPROVAL_POLICY),
      anonymous.post('/users', { username: 'anonymous', displayName: '匿名', role: 'admin', department: 'administration', password: 'anonymous1' }),
      anonymous.patch(`/users/${operationsId}`, { active: false }),
      anonymous.post(`/users/${operationsId}/password`, { password: 'anonymous1' }),
      anonymous.post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'anonymous1' }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(401);
  });
});
