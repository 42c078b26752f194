import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA_POLICY, type EscalatedCase, type EscalationsOverview } from '@app/shared';
import { RealtimeClient } from '../../app/realtime/realtime-client.js';
import { caseEvent, fakeSocket, sessionReady } from '../../app/realtime/realtime-test-kit.js';
import { RealtimeContext } from '../../app/realtime/use-realtime.js';
import { EscalationsPage } from './EscalationsPage.js';
import { LIVE_REFETCH_DELAY_MS } from './use-escalations-live.js';
import { ESCALATIONS_REFRESH_MS } from './use-escalations.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T06:00:00Z');

const breached: EscalatedCase = {
  id: '0b0f1f1e-8a6f-4f53-9a55-000000000001',
  number: 'CP-20261122-0001',
  title: '外包装破损',
  column: 'intake',
  severity: 'important',
  customerName: '王芳',
  ownerName: '周杰',
  owningDepartment: 'customer_service',
  createdAt: new Date(NOW - 10 * HOUR).toISOString(),
  firstRespondedAt: null,
  resolvedAt: null,
  slaState: 'breached',
};
const warning: EscalatedCase = { ...breached, id: '0b0f1f1e-8a6f-4f53-9a55-000000000002', number: 'CP-20261122-0002', title: '物流信息不更新', severity: 'general', createdAt: new Date(NOW - 19 * HOUR).toISOString(), slaState: 'warning' };

const overview = (cases: EscalatedCase[]): EscalationsOverview => ({
  asOf: new Date(NOW).toISOString(),
  policy: DEFAULT_SLA_POLICY,
  cases,
  departments: [
    { department: 'customer_service', breached: 1, warning: cases.length - 1, serious: 0 },
    { department: 'quality', breached: 0, warning: 0, serious: 2 },
  ],
});

/** The API answers from `answers`, one after the other (the last one again once they run out); every URL asked is kept. */
function stubApi(...answers: { status?: number; body: unknown }[]) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const answer = answers[Math.min(asked.length, answers.length - 1)];
    asked.push(url);
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}

function renderPage(url = '/escalations') {
  const live = fakeSocket();
  const client = new RealtimeClient(live.socket);
  render(
    <MemoryRouter initialEntries={[url]}>
      <RealtimeContext.Provider value={{ client, connection: 'online', resynced: false }}>
        <EscalationsPage />
      </RealtimeContext.Provider>
    </MemoryRouter>,
  );
  live.fire('session.ready', sessionReady({ userId: breached.id, displayName: '赵志刚', role: 'department_head' }, 0));
  return live;
}

/** Lets the timers run and the answers they asked for arrive. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('the escalation page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows every department in the strip, the chosen one marked, and asks for that department only', async () => {
    const asked = stubApi({ body: overview([warning]) });
    renderPage('/escalations?department=quality');
    await wait(0);
    expect(asked).toEqual(['/api/escalations?department=quality']);
    const strip = screen.getByRole('navigation', { name: '各部门升级情况' });
    expect(within(strip).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '全部部门 已超时 1 即将超时 0 严重 2',
      '客服部 已超时 1 即将超时 0 严重 0',
      '质量监控部 已超时 0 即将超时 0 严重 2',
    ]);
    expect(within(strip).getByRole('link', { current: 'page' })).toHaveAttribute('href', '/escalations?department=quality');
    expect(screen.getByRole('table', { name: '质量监控部的升级案件（1 件），最紧急的在前' })).toBeInTheDocument();
  });

  it('asks again once after a burst of moves and edits, and not for a comment', async () => {
    const asked = stubApi({ body: overview([breached]) }, { body: overview([breached, warning]) });
    const live = renderPage();
    await wait(0);
    live.fire('comment.added', caseEvent(1, { type: 'comment.added' }));
    await wait(LIVE_REFETCH_DELAY_MS);
    expect(asked).toHaveLength(1);

    live.fire('case.moved', caseEvent(2));
    live.fire('case.updated', caseEvent(3, { type: 'case.updated' }));
    await wait(LIVE_REFETCH_DELAY_MS);
    expect(asked).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: warning.number })).toBeInTheDocument();
  });

  it('asks again when the server records a case running into its warning or past due', async () => {
    const asked = stubApi({ body: overview([breached]) }, { body: overview([breached, warning]) });
    const live = renderPage();
    await wait(0);
    live.fire('sla.warning', caseEvent(1, { type: 'sla.warning', caseId: warning.id }));
    await wait(LIVE_REFETCH_DELAY_MS);
    expect(asked).toHaveLength(2);
    live.fire('sla.breached', caseEvent(2, { type: 'sla.breached', caseId: warning.id }));
    await wait(LIVE_REFETCH_DELAY_MS);
    expect(asked).toHaveLength(3);
  });

  it('asks again every minute, so a case that ran into its warning without any event shows up', async () => {
    const asked = stubApi({ body: overview([breached]) }, { body: overview([breached, warning]) });
    renderPage();
    await wait(0);
    expect(screen.queryByRole('rowheader', { name: warning.number })).not.toBeInTheDocument();
    await wait(ESCALATIONS_REFRESH_MS);
    expect(asked).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: warning.number }).closest('tr')).toHaveAttribute('data-sla', 'warning');
  });

  it('ticks the countdowns without asking the server', async () => {
    const asked = stubApi({ body: overview([warning]) });
    renderPage();
    await wait(0);
    const row = () => screen.getByRole('rowheader', { name: warning.number }).closest('tr')!;
    expect(within(row()).getByText('首次响应剩余 5小时')).toBeInTheDocument();
    await wait(45_000);
    expect(within(row()).getByText('首次响应剩余 4小时59分钟')).toBeInTheDocument();
    expect(asked).toHaveLength(1);
  });

  it("shows the server's refusal to a role that may not watch escalations", async () => {
    stubApi({ status: 403, body: { code: 'FORBIDDEN', message: '无权执行此操作', messages: { 'zh-CN': '无权执行此操作', en: 'Not allowed' } } });
    renderPage();
    await wait(0);
    expect(screen.getByRole('alert')).toHaveTextContent('升级案件加载失败：无权执行此操作');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
