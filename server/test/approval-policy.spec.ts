import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@app/shared';
import { apiAs, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Each instance keeps the tiers it last parsed, but reads the stored ones in every move and
 * approval: an admin's change through one instance must hold on the others from the next request.
 */
describe('the approval authority tiers, across two server instances', () => {
  let instanceA: TestApp;
  let instanceB: TestApp;
  let team: Team;
  let supervisorOnB: Api;
  let agentOnB: Api;
  let operationsId: string;

  beforeAll(async () => {
    instanceA = await startTestApp();
    instanceB = await startAnotherInstance(instanceA);
    await seedUsers(instanceA);
    const usernames = ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const;
    const cookies = await Promise.all(usernames.map((username) => loginAs(instanceA, username)));
    team = Object.fromEntries(usernames.map((username, i) => [username, apiAs(instanceA, cookies[i])])) as Team;
    supervisorOnB = apiAs(instanceB, cookies[usernames.indexOf('supervisor')]);
    agentOnB = apiAs(instanceB, cookies[usernames.indexOf('agent')]);
    operationsId = (await team.operations.get('/auth/me')).body.id;
  });
  afterAll(async () => {
    await instanceB?.close();
    await instanceA?.close();
  });

  /** A case in compensation with ¥800 agreed, waiting for approval. */
  async function awaitingApproval(): Promise<CaseDetail> {
    const current = await caseIn(team, 'compensation', { amount: 800, preventiveOwnerId: operationsId });
    const agreed = await team.agent.patch(`/cases/${current.id}`, {
      version: current.version,
      compensation: { remedies: ['compensation'], amount: 800, customerAgreed: true },
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    return agreed.body;
  }
  const approveAsSupervisorOnB = (current: CaseDetail) =>
    supervisorOnB.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 800 });

  it('holds a change made through one instance from the next approval and move on the other', async () => {
    const defaults = (await team.admin.get('/settings/approval-policy')).body;
    // B has the default tiers in hand: ¥800 is past a supervisor's ¥500.
    const first = await awaitingApproval();
    const refused = await approveAsSupervisorOnB(first);
    expect(refused.status).toBe(403);
    expect(refused.body.details.reason).toBe('ROLE_LACKS_AUTHORITY');

    const raised = { ...defaults, tiers: [{ upTo: 1000, approvers: ['cs_supervisor'] }, ...defaults.tiers.slice(1)] };
    expect((await team.admin.put('/settings/approval-policy', raised)).status).toBe(200);
    const approved = await approveAsSupervisorOnB(first);
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);

    // Back to the defaults through A: B's next move wants the department head's approval again.
    expect((await team.admin.put('/settings/approval-policy', defaults)).status).toBe(200);
    const moved = await agentOnB.post(`/cases/${first.id}/transitions`, { to: 'corrective_action', version: approved.body.version });
    expect(moved.status).toBe(422);
    expect(moved.body.missing).toEqual(['approvals.department_head']);
    expect((await approveAsSupervisorOnB(await awaitingApproval())).status).toBe(403);
  });
});
