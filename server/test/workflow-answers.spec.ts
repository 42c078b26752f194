import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@app/shared';
import { apiAs, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

/**
 * A move or an approval reads the case once, while locking it, and answers with what it read
 * plus what it wrote. These check that answer against the case as stored, and that a writer
 * who had to wait for the lock decides on the case as the other writer left it.
 */
describe('moves and approvals answer with the case as stored', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let team: Team;
  const userId: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.app.get(DataSource);
    await seedUsers(testApp);
    const usernames = ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const;
    const apis = await Promise.all(usernames.map(async (username) => apiAs(testApp, await loginAs(testApp, username))));
    team = Object.fromEntries(usernames.map((username, i) => [username, apis[i]])) as Team;
    for (const username of usernames) userId[username] = (await team[username].get('/auth/me')).body.id;
  });
  afterAll(() => testApp.close());

  const stored = async (id: string): Promise<CaseDetail> => (await team.agent.get(`/cases/${id}`)).body;
  const move = (api: Api, current: CaseDetail, to: string, reason?: string) =>
    api.post(`/cases/${current.id}/transitions`, { to, version: current.version, ...(reason ? { reason } : {}) });

  /** Another writer's transaction holding the case's row lock until `commit`. */
  async function otherWriter(statements: [string, unknown[]][]) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    for (const [sql, parameters] of statements) await runner.query(sql, parameters);
    return {
      async commit() {
        await runner.commitTransaction();
        await runner.release();
      },
    };
  }

  /** Resolves once some request is queued on a row lock in this test's database. */
  async function someoneWaitsForALock(): Promise<void> {
    for (;;) {
      const [{ waiting }]: { waiting: number }[] = await dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('answers a forward move, a rejection that voids approvals and a reopen as GET then shows the case', async () => {
    const approved = await caseIn(team, 'compensation', { readyToLeave: true, preventiveOwnerId: userId.operations });
    expect(approved.approvals).toHaveLength(1);
    const rejected = await move(team.supervisor, approved, 'investigation', '赔偿金额需重新核实');
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.approvals[0].voidedAt).not.toBeNull();
    expect(rejected.body).toEqual(await stored(approved.id));

    const inFollowUp = await caseIn(team, 'follow_up', { preventiveOwnerId: userId.operations });
    const forward = await team.agent.patch(`/cases/${inFollowUp.id}`, { version: inFollowUp.version, followUp: { satisfied: false, score: 2 } });
    const reopened = await move(team.agent, forward.body, 'compensation', '客户认为赔偿不足');
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body).toMatchObject({ column: 'compensation', reopenCount: 1, followUp: {} });
    expect(reopened.body.approvals.every((approval: { voidedAt: string | null }) => approval.voidedAt !== null)).toBe(true);
    expect(reopened.body).toEqual(await stored(inFollowUp.id));

    const fresh = await caseIn(team, 'intake', { preventiveOwnerId: userId.operations });
    const investigated = await move(team.agent, fresh, 'investigation');
    expect(investigated.body).toEqual(await stored(fresh.id));
  });

  it('answers an approval as GET then shows the case', async () => {
    let current = await caseIn(team, 'compensation', { amount: 6000, preventiveOwnerId: userId.operations });
    current = (await team.agent.patch(`/cases/${current.id}`, {
      version: current.version,
      compensation: { remedies: ['compensation'], amount: 6000, customerAgreed: true },
    })).body;
    const byHead = await team.head.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 6000, reason: '符合标准' });
    expect(byHead.status, JSON.stringify(byHead.body)).toBe(201);
    expect(byHead.body).toEqual(await stored(current.id));
    const byLegal = await team.legal.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 6000 });
    expect(byLegal.body.approvals.map((approval: { approverId: string }) => approval.approverId)).toEqual([userId.head, userId.legal]);
    expect(byLegal.body).toEqual(await stored(current.id));
  });

  it('judges a move that waited for the case lock on the approvals the other writer left', async () => {
    const approved = await caseIn(team, 'compensation', { readyToLeave: true, preventiveOwnerId: userId.operations });
    // As a change of amount does: the approvals are voided and the version moves on.
    const other = await otherWriter([
      ['UPDATE case_approvals SET voided_at = now() WHERE case_id = $1', [approved.id]],
      ['UPDATE cases SET version = version + 1 WHERE id = $1', [approved.id]],
    ]);
    // A client that already names the version the other writer is about to commit.
    const moving = move(team.agent, { ...approved, version: approved.version + 1 }, 'corrective_action');
    await someoneWaitsForALock();
    await other.commit();
    const answer = await moving;
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(answer.body.code).toBe('TRANSITION_REFUSED');
    expect((await stored(approved.id)).column).toBe('compensation');
  });

  it('refuses an approval that waited for the case lock when the same approver decided meanwhile', async () => {
    let current = await caseIn(team, 'compensation', { preventiveOwnerId: userId.operations });
    current = (await team.agent.patch(`/cases/${current.id}`, {
      version: current.version,
      compensation: { remedies: ['compensation'], amount: 300, customerAgreed: true },
    })).body;
    const other = await otherWriter([
      [
        `INSERT INTO case_approvals (case_id, approver_id, approver_role, decision, amount) VALUES ($1, $2, 'cs_supervisor', 'approved', 300)`,
        [current.id, userId.supervisor],
      ],
      ['UPDATE cases SET version = version + 1 WHERE id = $1', [current.id]],
    ]);
    const deciding = team.supervisor.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount: 300 });
    await someoneWaitsForALock();
    await other.commit();
    const answer = await deciding;
    expect(answer.status, JSON.stringify(answer.body)).toBe(409);
    expect(answer.body.details.reason).toBe('ALREADY_DECIDED');
    expect((await stored(current.id)).approvals).toHaveLength(1);
  });
});
