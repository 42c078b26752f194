import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APPROVAL_POLICY, DEFAULT_SLA_POLICY } from '@app/shared';
import { makeCard, makeSnapshot } from '../features/board/board-test-kit.js';
import { caseDetail, json, PEOPLE } from '../features/case-drawer/drawer-test-kit.js';
import { App } from './App.js';
import { caseEvent, fakeConnections, sessionReady, viewer } from './realtime/realtime-test-kit.js';

let connections = fakeConnections();

vi.mock('./realtime/realtime-client.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./realtime/realtime-client.js')>()),
  connectRealtime: () => connections.connect(),
}));

const detail = caseDetail();
const onBoard = makeCard({ id: detail.id, number: detail.number });

/** The whole API as the app sees it, signed in as the agent until `signedOut()`. */
function stubApi() {
  let session = true;
  const routes: [string, () => Response][] = [
    ['GET /api/auth/me', () => (session ? json(200, PEOPLE.agent) : json(401, { code: 'UNAUTHENTICATED', message: '请先登录' }))],
    ['POST /api/auth/login', () => ((session = true), json(200, PEOPLE.agent))],
    ['POST /api/auth/logout', () => ((session = false), new Response(null, { status: 204 }))],
    ['GET /api/board', () => json(200, makeSnapshot([onBoard]))],
    ['GET /api/board/cards/[^/]+', () => json(200, { card: onBoard })],
    ['GET /api/settings/sla-policy', () => json(200, DEFAULT_SLA_POLICY)],
    ['GET /api/settings/approval-policy', () => json(200, DEFAULT_APPROVAL_POLICY)],
    ['GET /api/users', () => json(200, Object.values(PEOPLE))],
    ['GET /api/views', () => json(200, [])],
    [`GET /api/cases/${detail.number}`, () => json(200, detail)],
    ['GET /api/cases/[^/]+/(timeline|comments|evidence)', () => json(200, [])],
  ];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const route = routes.find(([pattern]) => new RegExp(`^${pattern}$`).test(key));
    return route ? route[1]() : json(404, { code: 'NOT_FOUND', message: 'not found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls: (path: RegExp) => fetchMock.mock.calls.filter(([url]) => path.test(url)).length,
    signedOut: () => void (session = false),
  };
}

/** Where the browser goes, as a link or the back button would take it. */
function visit(path: string) {
  act(() => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
}

async function renderSignedIn() {
  const api = stubApi();
  window.history.replaceState(null, '', '/');
  render(<App />);
  await screen.findByRole('button', { name: '退出登录' });
  await waitFor(() => expect(api.calls(/^\/api\/board$/)).toBe(1));
  connections.latest.fire('session.ready', sessionReady(viewer(PEOPLE.agent), 100));
  return api;
}

const cardReads = /^\/api\/board\/cards\//;

describe('the app on one live connection', () => {
  beforeEach(() => {
    connections = fakeConnections();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('serves the board and an open case drawer from a single connection, and catches both up once', async () => {
    const api = await renderSignedIn();
    visit(`/cases/${detail.number}`);
    await screen.findByRole('heading', { level: 2, name: `${detail.number} ${detail.title}` });
    const socket = connections.latest;
    await waitFor(() => expect(socket.sentOf('case.open')).toEqual([{ caseId: detail.id }]));
    expect(connections.connect).toHaveBeenCalledTimes(1);

    // A colleague's change reaches both: the board fetches the card, the drawer the case.
    socket.fire('case.updated', caseEvent(101, { caseId: detail.id, type: 'case.updated' }));
    await waitFor(() => expect(api.calls(cardReads)).toBe(1));
    await waitFor(() => expect(api.calls(new RegExp(`^/api/cases/${detail.number}$`))).toBe(2));

    socket.fire('disconnect', 'transport close');
    expect(screen.getByText('实时连接已断开，正在重新连接…')).toBeInTheDocument();
    socket.fire('session.ready', sessionReady(viewer(PEOPLE.agent), 100));
    await waitFor(() => expect(socket.sentOf('sync.resume')).toEqual([{ lastSeq: 101 }]));
    expect(socket.sentOf('case.open')).toHaveLength(2);
  });

  it('keeps the board live on the same connection when the drawer closes', async () => {
    const api = await renderSignedIn();
    visit(`/cases/${detail.number}`);
    await screen.findByRole('heading', { level: 2, name: `${detail.number} ${detail.title}` });
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    const socket = connections.latest;
    await waitFor(() => expect(socket.sentOf('case.close')).toEqual([{ caseId: detail.id }]));
    expect(socket.raw.disconnect).not.toHaveBeenCalled();

    socket.fire('case.moved', caseEvent(101, { caseId: detail.id, data: { from: 'intake', to: 'investigation', version: 4 } }));
    await waitFor(() => expect(api.calls(cardReads)).toBe(1));
    expect(connections.connect).toHaveBeenCalledTimes(1);
  });

  it('closes the connection on sign-out, and opens a new one on the next sign-in', async () => {
    await renderSignedIn();
    const socket = connections.latest;
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await screen.findByRole('heading', { name: '登录' });
    await waitFor(() => expect(socket.raw.disconnect).toHaveBeenCalledTimes(1));
    expect(connections.connect).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'agent' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('button', { name: '退出登录' });
    // The connection opens in an effect, which may run just after the header is on screen.
    await waitFor(() => expect(connections.connect).toHaveBeenCalledTimes(2));
    expect(connections.latest.raw.disconnect).not.toHaveBeenCalled();
  });

  it('shows the sign-in page and closes the connection when the server says the session is gone', async () => {
    const api = await renderSignedIn();
    const socket = connections.latest;
    api.signedOut();
    socket.raw.active = false;
    socket.fire('disconnect', 'io server disconnect');
    await screen.findByRole('heading', { name: '登录' });
    await waitFor(() => expect(socket.raw.disconnect).toHaveBeenCalledTimes(1));
    expect(connections.connect).toHaveBeenCalledTimes(1);
  });
});
