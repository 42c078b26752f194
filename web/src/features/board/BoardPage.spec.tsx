import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_COLUMNS, DEFAULT_APPROVAL_POLICY, DEFAULT_SLA_POLICY, type CaseCard, type UserSummary } from '@app/shared';
import { RealtimeProvider } from '../../app/realtime/RealtimeProvider.js';
import { fakeConnections, sessionReady, viewer } from '../../app/realtime/realtime-test-kit.js';
import { SessionContext, type Session } from '../auth/use-session.js';
import { BoardPage } from './BoardPage.js';
import { makeCard, makeSnapshot } from './board-test-kit.js';

const agent: UserSummary = { id: '0b0f1f1e-8a6f-4f53-9a55-00000000a001', username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' };
const supervisor: UserSummary = { ...agent, id: '0b0f1f1e-8a6f-4f53-9a55-00000000a002', username: 'supervisor', displayName: '李建国', role: 'cs_supervisor' };
const sessionOf = (user: UserSummary): Session => ({ state: { status: 'signed-in', user }, logIn: vi.fn(), logOut: vi.fn(), recheck: vi.fn() });

interface Call {
  url: string;
  init: RequestInit;
}

/** The API as the board sees it: each route answers from the handler given, everything is recorded. */
function stubApi(routes: Record<string, (call: Call) => { status?: number; body: unknown }>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const path = url.split('?')[0];
    const route = Object.keys(routes).find((pattern) => new RegExp(`^${pattern}$`).test(path));
    const answer = route ? routes[route]({ url, init }) : { status: 404, body: { code: 'NOT_FOUND', message: 'not found' } };
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

function Location() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">{location.pathname + location.search}</output>
      {/* As the case drawer closes: back to a bare "/". */}
      <button type="button" onClick={() => navigate('/')}>
        close dialog
      </button>
    </>
  );
}

/** The board on the session's live connection, online at the snapshot's seq; returns that connection's socket. */
function renderBoard(url = '/', user = agent, presence: Parameters<typeof sessionReady>[2] = []) {
  const live = fakeConnections({ 'sync.resume': ({ lastSeq }) => ({ ok: true, replayed: 0, throughSeq: lastSeq }) });
  render(
    <MemoryRouter initialEntries={[url]}>
      <SessionContext.Provider value={sessionOf(user)}>
        <RealtimeProvider connect={live.connect}>
          <BoardPage />
          <Location />
        </RealtimeProvider>
      </SessionContext.Provider>
    </MemoryRouter>,
  );
  live.latest.fire('session.ready', sessionReady(viewer(user), 100, presence));
  return live.latest;
}

const column = (name: RegExp) => screen.getByRole('region', { name });
const cardIn = (region: HTMLElement, card: CaseCard) => within(region).queryByRole('button', { name: new RegExp(card.number) });

async function findCard(name: RegExp, card: CaseCard): Promise<HTMLElement> {
  return waitFor(() => {
    const found = cardIn(column(name), card);
    if (!found) throw new Error(`${card.number} is not in ${name}`);
    return found;
  });
}

/** Space, an arrow, space: a keyboard move as dnd-kit's keyboard sensor reads it (it listens a tick after the pick-up). */
async function keyboardMove(card: HTMLElement, arrow: 'ArrowRight' | 'ArrowLeft') {
  card.focus();
  fireEvent.keyDown(card, { code: 'Space', key: ' ' });
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  fireEvent.keyDown(document.activeElement ?? card, { code: arrow, key: arrow });
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  fireEvent.keyDown(document.activeElement ?? card, { code: 'Space', key: ' ' });
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

describe('BoardPage', () => {
  beforeEach(() => {
    // jsdom lays nothing out: give every column its own place side by side, so the virtual lists
    // draw their cards and the keyboard sensor can step from column to column.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const name = this.closest('[data-column]')?.getAttribute('data-column');
      const left = Math.max(0, CASE_COLUMNS.indexOf(name as never)) * 300;
      return { x: left, y: 0, left, top: 0, width: 280, height: 800, right: left + 280, bottom: 800, toJSON: () => ({}) } as DOMRect;
    });
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(280);
    Element.prototype.scrollIntoView = vi.fn();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const intakeCard = makeCard({ title: '冷链生鲜延误', customerCaseCount: 3, amount: 880, ownerId: agent.id, ownerName: '王晓燕' });
  const other = makeCard({ column: 'investigation', hoursAgo: 5, title: '手机屏幕碎裂' });
  const common = {
    '/api/board': () => ({ body: makeSnapshot([intakeCard, other]) }),
    '/api/settings/sla-policy': () => ({ body: DEFAULT_SLA_POLICY }),
    '/api/settings/approval-policy': () => ({ body: DEFAULT_APPROVAL_POLICY }),
    '/api/users': () => ({ body: [agent] }),
    '/api/views': () => ({ body: [] }),
    '/api/cases/[^/]+': () => ({ status: 404, body: { code: 'CASE_NOT_FOUND', message: '找不到该投诉案件' } }),
    '/api/board/cards/[^/]+': ({ url }: Call) => ({ body: { card: url.includes(intakeCard.id) ? { ...intakeCard, column: 'investigation', version: 2 } : other } }),
  };

  it('shows the cards of each column with what a card tells at a glance', async () => {
    stubApi(common);
    renderBoard();
    const card = await findCard(/^受理/, intakeCard);
    expect(within(card).getByText('第 3 次投诉')).toBeInTheDocument();
    expect(within(card).getByText('¥880.00')).toBeInTheDocument();
    expect(within(card).getByText('王')).toBeInTheDocument();
    expect(card).toHaveAttribute('data-case-number', intakeCard.number);
    expect(cardIn(column(/^调查核实/), other)).not.toBeNull();
  }, 10_000);

  it('asks the API for the filters in the URL', async () => {
    const calls = stubApi(common);
    renderBoard('/?severity=serious&q=KD77');
    await screen.findByRole('region', { name: /^受理/ });
    const boardCall = calls.find((call) => call.url.startsWith('/api/board?'));
    expect(boardCall?.url).toBe('/api/board?q=KD77&severity=serious');
  });

  it('moves a card with the keyboard at once, sending its request id and the UI language, and drops its live echo', async () => {
    const calls = stubApi({ ...common, '/api/cases/[^/]+/transitions': () => ({ body: { id: intakeCard.id, version: 2 } }) });
    const realtime = renderBoard();
    const card = await findCard(/^受理/, intakeCard);
    await keyboardMove(card, 'ArrowRight');
    await waitFor(() => expect(cardIn(column(/^调查核实/), intakeCard)).not.toBeNull());
    const move = calls.find((call) => call.url.endsWith('/transitions'))!;
    expect(JSON.parse(String(move.init.body))).toEqual({ to: 'investigation', version: 1 });
    const headers = move.init.headers as Record<string, string>;
    expect(headers['X-Request-Id']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers['Accept-Language']).toBe('zh-CN');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-case-number', intakeCard.number));

    realtime.fire('case.moved', {
      seq: 101,
      caseId: intakeCard.id,
      type: 'case.moved',
      actorId: agent.id,
      actorName: agent.displayName,
      requestId: headers['X-Request-Id'],
      occurredAt: new Date().toISOString(),
      data: { from: 'intake', to: 'investigation', kind: 'forward', version: 2 },
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(within(column(/^调查核实/)).getAllByRole('button', { name: new RegExp(intakeCard.number) })).toHaveLength(1);
    expect(cardIn(column(/^调查核实/), intakeCard)).not.toHaveClass('case-card--highlighted');
  }, 10_000);

  it('puts a refused card back and says why, in the server\'s words', async () => {
    stubApi({
      ...common,
      '/api/cases/[^/]+/transitions': () => ({
        status: 422,
        body: { code: 'TRANSITION_REFUSED', message: '无法移动：运单号', messages: { 'zh-CN': '无法移动：运单号', en: 'x' }, missing: ['shipment.waybill'] },
      }),
      '/api/board/cards/[^/]+': () => ({ body: { card: intakeCard } }),
    });
    renderBoard();
    const card = await findCard(/^受理/, intakeCard);
    await keyboardMove(card, 'ArrowRight');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(`${intakeCard.number} 未能移动：无法移动：运单号`));
    expect(cardIn(column(/^受理/), intakeCard)).not.toBeNull();
    expect(cardIn(column(/^调查核实/), intakeCard)).toBeNull();
  }, 10_000);

  it('does nothing on a drop the workflow refuses, and says why', async () => {
    const calls = stubApi(common);
    renderBoard();
    const card = await findCard(/^调查核实/, other);
    await keyboardMove(card, 'ArrowRight');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/不能移到「赔偿审批」：您的角色（客服专员）不能执行此步骤/));
    expect(calls.some((call) => call.url.endsWith('/transitions'))).toBe(false);
    expect(cardIn(column(/^调查核实/), other)).not.toBeNull();
  }, 10_000);

  it('asks why before sending a case back, and sends the reason with the move', async () => {
    const inApproval = makeCard({ column: 'compensation', hoursAgo: 30, firstRespondedAt: new Date().toISOString() });
    const calls = stubApi({
      ...common,
      '/api/board': () => ({ body: makeSnapshot([inApproval]) }),
      '/api/cases/[^/]+/transitions': () => ({ body: { id: inApproval.id, version: 2 } }),
    });
    renderBoard('/', supervisor);
    const card = await findCard(/^赔偿审批/, inApproval);
    await keyboardMove(card, 'ArrowLeft');

    const dialog = await screen.findByRole('dialog', { name: '退回「调查核实」的原因' });
    expect(within(dialog).getByLabelText('原因')).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认移动' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写原因');
    expect(calls.some((call) => call.url.endsWith('/transitions'))).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '金额超出客户实际损失，请重新核定' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认移动' }));
    await findCard(/^调查核实/, inApproval);
    const move = calls.find((call) => call.url.endsWith('/transitions'))!;
    expect(JSON.parse(String(move.init.body))).toEqual({ to: 'investigation', version: 1, reason: '金额超出客户实际损失，请重新核定' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  }, 10_000);

  it('moves a card another screen moved, highlighted', async () => {
    stubApi(common);
    const realtime = renderBoard();
    await waitFor(() => expect(cardIn(column(/^受理/), intakeCard)).not.toBeNull());
    realtime.fire('case.moved', {
      seq: 101,
      caseId: intakeCard.id,
      type: 'case.moved',
      actorId: null,
      actorName: '李建国',
      requestId: 'from-another-screen',
      occurredAt: new Date().toISOString(),
      data: { from: 'intake', to: 'investigation', kind: 'forward', version: 2 },
    });
    await waitFor(() => expect(cardIn(column(/^调查核实/), intakeCard)).not.toBeNull());
    expect(cardIn(column(/^调查核实/), intakeCard)).toHaveClass('case-card--highlighted');
    expect(cardIn(column(/^受理/), intakeCard)).toBeNull();
  }, 10_000);

  it('says when live updates are interrupted and when they are back, and refetches when the server says too much was missed', async () => {
    const calls = stubApi(common);
    const realtime = renderBoard();
    await findCard(/^受理/, intakeCard);
    expect(screen.queryByText('实时连接已断开，正在重新连接…')).not.toBeInTheDocument();
    realtime.fire('disconnect', 'transport close');
    expect(screen.getByText('实时连接已断开，正在重新连接…')).toBeInTheDocument();
    realtime.fire('session.ready', sessionReady(viewer(agent), 100));
    await waitFor(() => expect(realtime.sentOf('sync.resume')).toEqual([{ lastSeq: 100 }]));
    expect(screen.getByText('已重新连接，看板已更新')).toBeInTheDocument();

    const snapshots = () => calls.filter((call) => call.url === '/api/board').length;
    expect(snapshots()).toBe(1);
    realtime.fire('sync.reload', { latestSeq: 500 });
    await waitFor(() => expect(snapshots()).toBe(2));
  }, 10_000);

  it('says on a card which colleagues have its case open, as the connection starts and as that changes', async () => {
    stubApi(common);
    const realtime = renderBoard('/', agent, [{ caseId: other.id, viewers: [viewer(supervisor), viewer(agent)], editors: [] }]);
    const watched = await findCard(/^调查核实/, other);
    await waitFor(() => expect(watched).toHaveTextContent('李建国 正在查看'));
    expect(watched).not.toHaveTextContent('王晓燕 正在查看');

    realtime.fire('presence.changed', { caseId: intakeCard.id, viewers: [viewer(agent)], editors: [] });
    expect(cardIn(column(/^受理/), intakeCard)).not.toHaveTextContent('正在查看');
    realtime.fire('presence.changed', { caseId: other.id, viewers: [], editors: [] });
    expect(cardIn(column(/^调查核实/), other)).not.toHaveTextContent('正在查看');
  }, 10_000);

  it('opens a card on Enter, and has its filters back when the drawer closes onto a bare "/"', async () => {
    const calls = stubApi(common);
    renderBoard('/?severity=serious');
    const card = await findCard(/^受理/, intakeCard);
    fireEvent.keyDown(card, { key: 'Enter', code: 'Enter' });
    expect(screen.getByTestId('location')).toHaveTextContent(`/cases/${intakeCard.number}?severity=serious`);
    fireEvent.click(screen.getByRole('button', { name: 'close dialog' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/\?severity=serious$/));
    expect(calls.filter((call) => call.url.startsWith('/api/board?') || call.url === '/api/board').map((call) => call.url)).toEqual([
      '/api/board?severity=serious',
    ]);
  }, 10_000);
});
