import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveCaseEvent, PresenceSnapshot } from '@app/shared';
import type { RealtimeClient } from '../../app/realtime/realtime-client.js';
import { CaseDrawer } from './CaseDrawer.js';
import { CaseLiveContext } from './case-live.js';
import { caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from './drawer-test-kit.js';
import { useRealtimeCaseLive } from './realtime-case-live.js';

const detail = caseDetail();

/** A realtime connection the test drives by hand. */
function fakeRealtime() {
  const presence = new Set<(snapshot: PresenceSnapshot) => void>();
  const events = new Set<(event: LiveCaseEvent) => void>();
  const client = {
    onPresence: (handler: (snapshot: PresenceSnapshot) => void) => (presence.add(handler), () => presence.delete(handler)),
    onCaseEvent: (handler: (event: LiveCaseEvent) => void) => (events.add(handler), () => events.delete(handler)),
    onReload: () => () => undefined,
    openCase: vi.fn(async () => ({ caseId: detail.id, viewers: [], editors: [] })),
    startEditing: vi.fn(async () => undefined),
    stopEditing: vi.fn(async () => undefined),
    close: vi.fn(),
  };
  const connect = () => client as unknown as RealtimeClient;
  return {
    client,
    connect,
    presence: (snapshot: PresenceSnapshot) => act(() => presence.forEach((handler) => handler(snapshot))),
    event: (event: Partial<LiveCaseEvent>) => act(() => events.forEach((handler) => handler(event as LiveCaseEvent))),
  };
}

async function openLiveDrawer() {
  const realtime = fakeRealtime();
  const newer = { ...detail, version: 4, title: '生鲜包裹延误，客户要求退运费' };
  const server = fakeServer({ 'GET /api/cases/CP-20261123-0042': [json(200, detail), json(200, newer)] });
  const useLive = (caseId: string) => useRealtimeCaseLive(caseId, realtime.connect);
  const view = renderSignedIn(
    PEOPLE.agent,
    <CaseLiveContext.Provider value={useLive}>
      <CaseDrawer number={detail.number} onClose={() => undefined} />
    </CaseLiveContext.Provider>,
  );
  await screen.findByRole('heading', { level: 2, name: `${detail.number} ${detail.title}` });
  return { ...view, ...server, realtime };
}

describe('the drawer on the realtime connection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the case, shows who else views it and who edits which field, and closes the connection with the drawer', async () => {
    const { realtime, unmount } = await openLiveDrawer();
    expect(realtime.client.openCase).toHaveBeenCalledWith(detail.id);

    await realtime.presence({
      caseId: detail.id,
      viewers: [
        { userId: PEOPLE.agent.id, displayName: PEOPLE.agent.displayName, role: 'cs_agent' },
        { userId: PEOPLE.quality.id, displayName: PEOPLE.quality.displayName, role: 'quality_investigator' },
      ],
      editors: [{ userId: PEOPLE.quality.id, displayName: PEOPLE.quality.displayName, field: 'title' }],
    });
    expect(screen.getByText('同时在看：张敏')).toBeInTheDocument();
    const complaint = screen.getByRole('region', { name: '投诉概况' });
    expect(within(complaint).getByLabelText(/标题/)).toHaveAccessibleDescription('张敏 正在编辑');
    expect(within(complaint).getByLabelText(/投诉渠道/)).not.toHaveAccessibleDescription();

    unmount();
    expect(realtime.client.close).toHaveBeenCalled();
  });

  it('announces the field the user edits while it has focus', async () => {
    const { realtime, user } = await openLiveDrawer();
    const complaint = screen.getByRole('region', { name: '投诉概况' });
    await user.click(within(complaint).getByLabelText(/标题/));
    expect(realtime.client.startEditing).toHaveBeenCalledWith(detail.id, 'title');
    await user.click(within(complaint).getByLabelText(/投诉类别/));
    expect(realtime.client.stopEditing).toHaveBeenCalledWith(detail.id, 'title');
    expect(realtime.client.startEditing).toHaveBeenLastCalledWith(detail.id, 'category');
  });

  it("refetches the case when a colleague's change to it arrives, and ignores other cases' events", async () => {
    const { realtime, fetchMock } = await openLiveDrawer();
    const caseReads = () => fetchMock.mock.calls.filter(([url]) => url === '/api/cases/CP-20261123-0042').length;
    await realtime.event({ seq: 41, caseId: '7c0f1f1e-8a6f-4f53-9a55-1c1a5f0a0099', type: 'case.updated' });
    expect(caseReads()).toBe(1);
    await realtime.event({ seq: 42, caseId: detail.id, type: 'case.updated' });
    expect(await screen.findByRole('heading', { level: 2, name: `${detail.number} 生鲜包裹延误，客户要求退运费` })).toBeInTheDocument();
    expect(caseReads()).toBe(2);
  });
});
