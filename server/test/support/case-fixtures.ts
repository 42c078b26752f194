import { expect } from 'vitest';
import { CASE_COLUMNS, type CaseColumn, type CaseDetail, type CreateCaseInput } from '@app/shared';
import { apiAs, newComplaint, type Api } from './api-client.js';
import { loginAs, type TestApp } from './test-app.js';

/** One demo user per role. */
export const TEAM_USERNAMES = ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const;

/** The demo users, signed in, by username. */
export type Team = Record<(typeof TEAM_USERNAMES)[number], Api>;

/** Signs in one demo user per role (the users must be seeded). */
export async function signInTeam(testApp: TestApp): Promise<Team> {
  const entries = await Promise.all(TEAM_USERNAMES.map(async (username) => [username, apiAs(testApp, await loginAs(testApp, username))] as const));
  return Object.fromEntries(entries) as Team;
}

async function expectOk(promise: Promise<{ status: number; body: any }>): Promise<CaseDetail> {
  const answer = await promise;
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body;
}

const edit = (api: Api, current: CaseDetail, changes: object) =>
  expectOk(api.patch(`/cases/${current.id}`, { version: current.version, ...changes }));
const move = (api: Api, current: CaseDetail, to: CaseColumn) =>
  expectOk(api.post(`/cases/${current.id}/transitions`, { to, version: current.version }));

/**
 * A case driven through the real API, by the roles that own each step, up to `column`.
 * With `readyToLeave`, the facts that column requires are recorded too.
 */
export async function caseIn(
  team: Team,
  column: CaseColumn,
  options: { readyToLeave?: boolean; amount?: number; preventiveOwnerId: string; intake?: Partial<CreateCaseInput> },
): Promise<CaseDetail> {
  const amount = options.amount ?? 300;
  let current = await expectOk(team.agent.post('/cases', newComplaint({ claim: { amount, remedies: ['compensation'] }, ...options.intake })));
  const target = CASE_COLUMNS.indexOf(column);
  const reached = (step: CaseColumn) => CASE_COLUMNS.indexOf(step) <= target;
  const ready = (step: CaseColumn) => CASE_COLUMNS.indexOf(step) < target || (options.readyToLeave === true && step === column);

  if (reached('investigation')) current = await move(team.agent, current, 'investigation');
  if (ready('investigation')) current = await edit(team.quality, current, { investigation: { verdict: 'substantiated' } });
  if (reached('compensation')) current = await move(team.quality, current, 'compensation');
  if (ready('compensation')) {
    current = await edit(team.agent, current, { compensation: { remedies: ['compensation'], amount, customerAgreed: true } });
    const approver = amount <= 500 ? team.supervisor : team.head;
    current = await expectOk(approver.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount }));
    if (amount > 5000) current = await expectOk(team.legal.post(`/cases/${current.id}/approvals`, { decision: 'approved', amount }));
  }
  if (reached('corrective_action')) current = await move(team.agent, current, 'corrective_action');
  if (ready('corrective_action')) {
    current = await edit(team.operations, current, {
      correctiveAction: {
        rootCause: 'staff_operation',
        responsibleParty: '上海青浦分拨中心 夜班分拣组',
        accountabilityMeasure: '班组长书面检讨',
        preventiveAction: '冷链件单独分拣通道',
        preventiveOwnerId: options.preventiveOwnerId,
        preventiveDueDate: '2026-12-15',
        remedyCarriedOut: true,
      },
    });
  }
  if (reached('follow_up')) current = await move(team.operations, current, 'follow_up');
  if (ready('follow_up')) current = await edit(team.agent, current, { followUp: { satisfied: true, score: 5 } });
  if (reached('closed')) current = await move(team.agent, current, 'closed');
  return current;
}
