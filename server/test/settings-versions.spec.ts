import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_SLA_POLICY, type ApprovalPolicy, type CaseDetail, type SlaPolicy } from '@app/shared';
import { apiAs, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const RAISED: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, tiers: [{ upTo: 1000, approvers: ['cs_supervisor'] }, ...DEFAULT_APPROVAL_POLICY.tiers.slice(1)] };
const STRICT: SlaPolicy = { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 12, resolutionHours: 48 } };

/**
 * The settings page saves a setting with the version (ETag) it read it at: a save between the
 * read and the write by another admin is refused with the current value instead of overwritten.
 */
describe('approval and SLA policy saves carry the version they were read at', () => {
  let testApp: TestApp;
  let team: Team;
  let secondAdmin: Api;
  let operationsId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    const usernames = ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const;
    const cookies = await Promise.all(usernames.map((username) => loginAs(testApp, username)));
    team = Object.fromEntries(usernames.map((username, i) => [username, apiAs(testApp, cookies[i])])) as Team;
    // The same admin signed in in a second browser: two sessions, each with what it read.
    secondAdmin = apiAs(testApp, await loginAs(testApp, 'admin'));
    operationsId = (await team.operations.get('/auth/me')).body.id;
  });
  afterAll(() => testApp?.close());

  const read = async (api: Api, path: string) => {
    const answer = await api.get(path);
    expect(answer.status).toBe(200);
    return { value: answer.body, version: answer.headers.get('ETag')! };
  };

  describe.each([
    { path: '/settings/approval-policy', defaults: DEFAULT_APPROVAL_POLICY, changed: RAISED },
    { path: '/settings/sla-policy', defaults: DEFAULT_SLA_POLICY, changed: STRICT },
  ])('$path', ({ path, defaults, changed }) => {
    it('refuses a save read before another admin’s with 409 and the current value, and takes it once re-read', async () => {
      const first = await read(team.admin, path);
      const second = await read(secondAdmin, path);
      expect(first).toEqual(second);
      // Never saved yet: the defaults, at version "0"; the first save stores them, a second from "0" is stale.
      expect(first).toEqual({ value: defaults, version: '"0"' });

      const saved = await team.admin.put(path, changed, { 'If-Match': first.version });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body).toEqual(changed);
      const savedVersion = saved.headers.get('ETag');
      expect(savedVersion).toMatch(/^"\d+"$/);

      const stale = await secondAdmin.put(path, defaults, { 'If-Match': second.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.message).toBe('此设置已被其他管理员修改，请查看最新内容后再保存');
      expect(stale.body.details).toEqual({ current: changed, version: savedVersion });
      expect(await read(team.agent, path)).toEqual({ value: changed, version: savedVersion });

      const restored = await secondAdmin.put(path, defaults, { 'If-Match': stale.body.details.version });
      expect(restored.status).toBe(200);
      expect((await read(team.agent, path)).value).toEqual(defaults);
    });

    it('lets exactly one of two saves made at once from the same version through', async () => {
      const { version } = await read(team.admin, path);
      const answers = await Promise.all([
        team.admin.put(path, changed, { 'If-Match': version }),
        secondAdmin.put(path, defaults, { 'If-Match': version }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect(await read(team.agent, path)).toEqual({ value: winner.body, version: winner.headers.get('ETag') });

      const { version: now } = await read(team.admin, path);
      expect((await team.admin.put(path, defaults, { 'If-Match': now })).status).toBe(200);
    });
  });

  it('still saves without If-Match, as a script would, over whatever is stored', async () => {
    expect((await team.admin.put('/settings/sla-policy', STRICT)).status).toBe(200);
    expect((await team.admin.put('/settings/sla-policy', DEFAULT_SLA_POLICY, { 'If-Match': '*' })).status).toBe(200);
    expect((await read(team.agent, '/settings/sla-policy')).value).toEqual(DEFAULT_SLA_POLICY);
  });

  it('applies a tier saved through the versioned flow from the next approval on', async () => {
    const current: CaseDetail = await caseIn(team, 'compensation', { amount: 800, preventiveOwnerId: operationsId });
    const agreed = await team.agent.patch(`/cases/${current.id}`, {
      version: current.version,
      compensation: { remedies: ['compensation'], amount: 800, customerAgreed: true },
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    const approve = () => team.supervisor.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 800 });
    expect((await approve()).status).toBe(403);

    const { version } = await read(team.admin, '/settings/approval-policy');
    expect((await team.admin.put('/settings/approval-policy', RAISED, { 'If-Match': version })).status).toBe(200);
    const approved = await approve();
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);

    const { version: raisedVersion } = await read(team.admin, '/settings/approval-policy');
    expect((await team.admin.put('/settings/approval-policy', DEFAULT_APPROVAL_POLICY, { 'If-Match': raisedVersion })).status).toBe(200);
  });
});
