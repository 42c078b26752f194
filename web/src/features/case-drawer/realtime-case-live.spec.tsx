import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealtimeProvider } from '../../app/realtime/RealtimeProvider.js';
import { caseEvent, fakeConnections, sessionReady, viewer } from '../../app/realtime/realtime-test-kit.js';
import { CaseDrawerRoute } from './CaseDrawer.js';
import { caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from './drawer-test-kit.js';

const detail = caseDetail();

/** The drawer's route on the session's live connection, online; returns that connection's socket too. */
async function openLiveDrawer() {
  const live = fakeConnections();
  const newer = { ...detail, version: 4, title: '生鲜包裹延误，客户要求退运费' };
  const server = fakeServer({ 'GET /api/cases/CP-20261123-0042': [json(200, detail), json(200, newer)] });
  const view = renderSignedIn(
    PEOPLE.agent,
    <RealtimeProvider connect={live.connect}>
      <Routes>
        <Route path="/cases/:number" element={<CaseDrawerRoute />} />
        <Route path="*" element={null} />
      </Routes>
    </RealtimeProvider>,
    `/cases/${detail.number}`,
  );
  live.latest.fire('session.ready', sessionReady(viewer(PEOPLE.agent), 40));
  await screen.findByRole('heading', { level: 2, name: `${detail.number} ${detail.title}` });
  return { ...view, ...server, socket: live.latest };
}

describe('the drawer on the realtime connection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the case, shows who else views it and who edits which field, and on closing leaves the case but not the connection', async () => {
    const { socket, user } = await openLiveDrawer();
    await vi.waitFor(() => expect(socket.sentOf('case.open')).toEqual([{ caseId: detail.id }]));

    socket.fire('presence.changed', {
      caseId: detail.id,
      viewers: [viewer(PEOPLE.agent), viewer(PEOPLE.quality)],
      editors: [{ userId: PEOPLE.quality.id, displayName: PEOPLE.quality.displayName, field: 'title' }],
    });
    expect(screen.getByText('同时在看：张敏')).toBeInTheDocument();
    const complaint = screen.getByRole('region', { name: '投诉概况' });
    expect(within(complaint).getByLabelText(/标题/)).toHaveAccessibleDescription('张敏 正在编辑');
    expect(within(complaint).getByLabelText(/投诉渠道/)).not.toHaveAccessibleDescription();

    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(socket.sentOf('case.close')).toEqual([{ caseId: detail.id }]));
    expect(socket.raw.disconnect).not.toHaveBeenCalled();
  });

  it('announces the field the user edits while it has focus', async () => {
    const { socket, user } = await openLiveDrawer();
    const complaint = screen.getByRole('region', { name: '投诉概况' });
    await user.click(within(complaint).getByLabelText(/标题/));
    expect(socket.sentOf('field.editing')).toEqual([{ caseId: detail.id, field: 'title' }]);
    await user.click(within(complaint).getByLabelText(/投诉类别/));
    expect(socket.sentOf('field.idle')).toEqual([{ caseId: detail.id, field: 'title' }]);
    expect(socket.sentOf('field.editing').at(-1)).toEqual({ caseId: detail.id, field: 'category' });
  });

  it("refetches the case when a colleague's change to it arrives, and ignores other cases' events", async () => {
    const { socket, fetchMock } = await openLiveDrawer();
    const caseReads = () => fetchMock.mock.calls.filter(([url]) => url === '/api/cases/CP-20261123-0042').length;
    socket.fire('case.updated', caseEvent(41, { caseId: '7c0f1f1e-8a6f-4f53-9a55-1c1a5f0a0099', type: 'case.updated' }));
    expect(caseReads()).toBe(1);
    socket.fire('case.updated', caseEvent(42, { caseId: detail.id, type: 'case.updated' }));
    expect(await screen.findByRole('heading', { level: 2, name: `${detail.number} 生鲜包裹延误，客户要求退运费` })).toBeInTheDocument();
    expect(caseReads()).toBe(2);
  });
});
