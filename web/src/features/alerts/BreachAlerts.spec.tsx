import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveCaseEvent, SlaCrossingData, UserSummary } from '@app/shared';
import { RealtimeClient } from '../../app/realtime/realtime-client.js';
import { caseEvent, fakeSocket, sessionReady } from '../../app/realtime/realtime-test-kit.js';
import { RealtimeContext } from '../../app/realtime/use-realtime.js';
import { i18n } from '../../i18n/i18n.js';
import { ModalDialog } from '../case-drawer/ModalDialog.js';
import { BreachAlerts, MAX_ALERTS_SHOWN } from './BreachAlerts.js';

const HEAD: UserSummary = { id: '5d1b2c3a-0000-4000-8000-000000000006', username: 'head', displayName: '赵志刚', role: 'department_head', department: 'management' };
const AGENT: UserSummary = { ...HEAD, id: '5d1b2c3a-0000-4000-8000-000000000001', username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' };

const caseId = (n: number) => `0b0f1f1e-8a6f-4f53-9a55-00000000000${n}`;
const CASES: Record<string, { number: string; title: string }> = {
  [caseId(1)]: { number: 'CP-20261123-0001', title: '冷链药品延误' },
  [caseId(2)]: { number: 'CP-20261123-0002', title: '外包装破损' },
  [caseId(3)]: { number: 'CP-20261123-0003', title: '快递员态度差' },
  [caseId(4)]: { number: 'CP-20261123-0004', title: '物流信息不更新' },
};

/** GET /api/cases/:id answers from CASES; any other case is unknown. */
function stubCases() {
  vi.stubGlobal('fetch', async (url: string) => {
    const found = CASES[decodeURIComponent(url.split('/').at(-1)!)];
    return found
      ? new Response(JSON.stringify({ id: url, ...found }), { status: 200, headers: { 'Content-Type': 'application/json' } })
      : new Response(JSON.stringify({ code: 'CASE_NOT_FOUND', message: '找不到该投诉案件' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
  });
}

const breach = (seq: number, n: number, deadline: SlaCrossingData['deadline'] = 'first_response'): LiveCaseEvent =>
  caseEvent(seq, { type: 'sla.breached', caseId: caseId(n), data: { deadline, dueAt: '2026-11-23T06:00:00.000Z', severity: 'serious' } });

function Where() {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname} ${JSON.stringify(location.state)}`}</p>;
}

function renderAlerts(user = HEAD, url = '/escalations?department=quality', dialogOpen = false) {
  stubCases();
  const live = fakeSocket();
  const client = new RealtimeClient(live.socket);
  render(
    <MemoryRouter initialEntries={[url]}>
      <RealtimeContext.Provider value={{ client, connection: 'online', resynced: false }}>
        <button type="button">看板上的按钮</button>
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
        <BreachAlerts user={user} />
        {dialogOpen && (
          <ModalDialog labelledBy="open-case" className="case-drawer" onClose={() => undefined}>
            <h2 id="open-case">CP-20261123-0009 正在处理的案件</h2>
            <button type="button">关闭</button>
          </ModalDialog>
        )}
      </RealtimeContext.Provider>
    </MemoryRouter>,
  );
  live.fire('session.ready', sessionReady({ userId: user.id, displayName: user.displayName, role: user.role }, 0));
  return live;
}

const alertList = () => screen.getByRole('list', { name: '超时提醒' });

describe('breach alerts', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('zh-CN');
  });

  it('stays live over an open case drawer: the page behind is inert, the alert is not, and it leads to its case', async () => {
    const user = userEvent.setup();
    const live = renderAlerts(HEAD, '/cases/CP-20261123-0009', true);
    expect(screen.getByRole('button', { name: '关闭' })).toHaveFocus();
    expect(screen.getByTestId('location').closest('[inert]')).not.toBeNull();

    live.fire('sla.breached', breach(1, 1));

    const link = await within(alertList()).findByRole('link', { name: 'CP-20261123-0001 冷链药品延误' });
    expect(link.closest('[inert]')).toBeNull();
    await user.click(link);
    expect(screen.getByTestId('location')).toHaveTextContent('/cases/CP-20261123-0001');
  });

  it('tells a head of a breach with the case number and title, politely and without taking focus', async () => {
    const live = renderAlerts();
    const busy = screen.getByRole('button', { name: '看板上的按钮' });
    busy.focus();
    expect(alertList()).toHaveAttribute('aria-live', 'polite');

    live.fire('sla.breached', breach(1, 1));

    const alert = await within(alertList()).findByRole('listitem');
    expect(alert).toHaveTextContent('首次响应已超时');
    expect(within(alert).getByRole('link', { name: 'CP-20261123-0001 冷链药品延误' })).toHaveAttribute('href', '/cases/CP-20261123-0001');
    expect(busy).toHaveFocus();
  });

  it('ignores warnings and the other events', async () => {
    const live = renderAlerts();
    live.fire('sla.warning', caseEvent(1, { type: 'sla.warning', caseId: caseId(1), data: { deadline: 'first_response' } }));
    live.fire('case.moved', caseEvent(2, { caseId: caseId(1) }));
    live.fire('sla.breached', breach(3, 2, 'resolution'));

    expect(await within(alertList()).findByText('解决时限已超时')).toBeInTheDocument();
    expect(within(alertList()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('opens the case over the screen the head is on, to close back to it', async () => {
    const live = renderAlerts();
    live.fire('sla.breached', breach(1, 1));

    await userEvent.click(await screen.findByRole('link', { name: /CP-20261123-0001/ }));

    expect(screen.getByTestId('location')).toHaveTextContent('/cases/CP-20261123-0001 {"returnTo":"/escalations?department=quality"}');
  });

  it(`stacks the newest ${MAX_ALERTS_SHOWN} first, counts the rest, and lets each or all be dismissed`, async () => {
    const live = renderAlerts();
    for (const n of [1, 2, 3, 4]) live.fire('sla.breached', breach(n, n));

    await screen.findByText('另有 1 条超时提醒');
    const numbers = () => within(alertList()).getAllByRole('link').map((link) => link.textContent!.split(' ')[0]);
    expect(numbers()).toEqual(['CP-20261123-0004', 'CP-20261123-0003', 'CP-20261123-0002']);
    expect(screen.getByRole('link', { name: '查看升级看板' })).toHaveAttribute('href', '/escalations');

    await userEvent.click(screen.getByRole('button', { name: '关闭提醒 CP-20261123-0003' }));
    expect(numbers()).toEqual(['CP-20261123-0004', 'CP-20261123-0002', 'CP-20261123-0001']);
    expect(screen.queryByText(/另有/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '全部关闭' }));
    expect(within(alertList()).queryAllByRole('listitem')).toEqual([]);
  });

  it('still alerts when the case cannot be read, and says it in English', async () => {
    await i18n.changeLanguage('en');
    const live = renderAlerts();
    live.fire('sla.breached', breach(1, 9, 'resolution'));

    const alert = await within(screen.getByRole('list', { name: 'SLA breach alerts' })).findByRole('listitem');
    expect(alert).toHaveTextContent('Resolution overdue');
    expect(within(alert).getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `/cases/${caseId(9)}`);
  });

  it('shows nothing to a role that does not watch escalations', async () => {
    const live = renderAlerts(AGENT);
    live.fire('sla.breached', breach(1, 1));
    await Promise.resolve();
    expect(screen.queryByRole('list', { name: '超时提醒' })).not.toBeInTheDocument();
  });
});
