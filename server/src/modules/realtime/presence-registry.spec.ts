import { describe, expect, it } from 'vitest';
import type { UserSummary } from '@app/shared';
import { PresenceRegistry } from './presence-registry.js';

const CASE = '00000000-0000-4000-8000-0000000000aa';
const user = (n: number, role: UserSummary['role'] = 'cs_agent'): UserSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  username: `u${n}`,
  displayName: `用户${n}`,
  role,
  department: 'customer_service',
});
const viewer = (n: number) => ({ userId: user(n).id, displayName: user(n).displayName, role: user(n).role });

describe('PresenceRegistry', () => {
  it('counts a user with the case open in two tabs once, and keeps them until both close', () => {
    const registry = new PresenceRegistry();
    expect(registry.open('tab-1', user(1), CASE)).toBe(true);
    expect(registry.open('tab-2', user(1), CASE)).toBe(true);
    expect(registry.presence(CASE).viewers).toEqual([viewer(1)]);
    registry.close('tab-1', CASE);
    expect(registry.presence(CASE).viewers).toEqual([viewer(1)]);
    expect(registry.disconnect('tab-2')).toEqual([CASE]);
    expect(registry.presence(CASE)).toEqual({ viewers: [], editors: [] });
  });

  it('tracks editing only on an open case and drops it with the case', () => {
    const registry = new PresenceRegistry();
    expect(registry.startEditing('s', CASE, 'title')).toBe(false);
    registry.open('s', user(1), CASE);
    expect(registry.startEditing('s', CASE, 'title')).toBe(true);
    expect(registry.startEditing('s', CASE, 'title')).toBe(false);
    expect(registry.presence(CASE).editors).toEqual([{ userId: user(1).id, displayName: user(1).displayName, field: 'title' }]);
    registry.close('s', CASE);
    registry.open('s', user(1), CASE);
    expect(registry.presence(CASE).editors).toEqual([]);
  });

  it('merges other instances, ignoring announcements that arrive out of date', () => {
    const registry = new PresenceRegistry();
    registry.open('local', user(1), CASE);
    const remote = (version: number, viewers: ReturnType<typeof viewer>[], complete = false) =>
      registry.applyAnnouncement({ instanceId: 'b', version, complete, cases: [{ caseId: CASE, viewers, editors: [] }] }, 0);

    expect(remote(2, [viewer(2)])).toEqual([CASE]);
    expect(registry.presence(CASE).viewers).toEqual([viewer(1), viewer(2)]);
    expect(remote(1, [viewer(2), viewer(3)])).toEqual([]);
    expect(remote(3, [])).toEqual([CASE]);
    expect(remote(2, [viewer(3)])).toEqual([]);
    expect(registry.presence(CASE).viewers).toEqual([viewer(1)]);
  });

  it('takes a complete announcement as the whole state of that instance', () => {
    const registry = new PresenceRegistry();
    registry.applyAnnouncement({ instanceId: 'b', version: 1, complete: false, cases: [{ caseId: CASE, viewers: [viewer(2)], editors: [] }] }, 0);
    expect(registry.boardPresence()).toEqual([{ caseId: CASE, viewers: [viewer(2)], editors: [] }]);
    expect(registry.applyAnnouncement({ instanceId: 'b', version: 2, complete: true, cases: [] }, 0)).toEqual([CASE]);
    expect(registry.boardPresence()).toEqual([]);
  });

  it('forgets an instance that has gone silent', () => {
    const registry = new PresenceRegistry();
    registry.applyAnnouncement({ instanceId: 'b', version: 1, complete: true, cases: [{ caseId: CASE, viewers: [viewer(2)], editors: [] }] }, 1_000);
    expect(registry.forgetSilent(20_000, 30_000)).toEqual([]);
    expect(registry.forgetSilent(40_000, 30_000)).toEqual([CASE]);
    expect(registry.presence(CASE).viewers).toEqual([]);
  });
});
