import { describe, expect, it, vi } from 'vitest';
import { RealtimeClient } from './realtime-client';
import { caseEvent, fakeSocket, sessionReady } from './realtime-test-kit';

const me = { userId: '00000000-0000-4000-8000-000000000002', displayName: '王晓燕', role: 'cs_agent' } as const;
const caseId = '00000000-0000-4000-8000-0000000000aa';

describe('RealtimeClient', () => {
  it('goes online, and after a drop resumes from its last seq and re-opens the cases it had open', async () => {
    const { socket, fire, sentOf } = fakeSocket({ 'sync.resume': () => ({ ok: true, replayed: 1, throughSeq: 6 }) });
    const client = new RealtimeClient(socket);
    const states: string[] = [];
    const seqs: number[] = [];
    client.onStateChange((state) => states.push(state));
    client.onCaseEvent((e) => seqs.push(e.seq));

    fire('session.ready', sessionReady(me, 4));
    fire('case.moved', caseEvent(5));
    await client.openCase(caseId);
    fire('disconnect', 'transport close');
    expect(client.state).toBe('reconnecting');

    fire('session.ready', sessionReady(me, 9));
    fire('case.moved', caseEvent(6));
    await vi.waitFor(() => expect(seqs).toEqual([5, 6]));
    expect(sentOf('sync.resume')).toEqual([{ lastSeq: 5 }]);
    expect(sentOf('case.open')).toHaveLength(2);
    expect(states).toEqual(['online', 'reconnecting', 'online']);
  });

  it('hands every event in order, once, to each listener, even when another listener fails', async () => {
    const { socket, fire } = fakeSocket();
    const client = new RealtimeClient(socket);
    const board: number[] = [];
    const drawer: number[] = [];
    const failures: unknown[] = [];
    // Rethrown apart, as an uncaught error of its own, so the failing screen's bug is still reported.
    const onError = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onError);
    try {
      client.onCaseEvent((e) => board.push(e.seq));
      client.onCaseEvent(() => {
        throw new Error('a broken screen');
      });
      client.onCaseEvent((e) => drawer.push(e.seq));
      fire('session.ready', sessionReady(me, 10));
      for (const seq of [11, 11, 12, 10, 13]) fire('case.moved', caseEvent(seq));
      await vi.waitFor(() => expect(failures).toHaveLength(3));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(board).toEqual([11, 12, 13]);
    expect(drawer).toEqual([11, 12, 13]);
  });

  it('leaves a case it closes out of the cases re-opened after a reconnect', async () => {
    const { socket, fire, sentOf } = fakeSocket({ 'sync.resume': () => ({ ok: true, replayed: 0, throughSeq: 4 }) });
    const client = new RealtimeClient(socket);
    fire('session.ready', sessionReady(me, 4));
    await client.openCase(caseId);
    await client.closeCase(caseId);
    fire('disconnect', 'transport close');
    fire('session.ready', sessionReady(me, 4));
    await vi.waitFor(() => expect(sentOf('sync.resume')).toHaveLength(1));
    expect(sentOf('case.open')).toEqual([{ caseId }]);
    expect(sentOf('case.close')).toEqual([{ caseId }]);
  });

  it('is offline for good, and says the session ended, when the server refuses the session', () => {
    const { socket, fire, raw } = fakeSocket();
    const client = new RealtimeClient(socket);
    const ended = vi.fn();
    client.onSessionEnded(ended);
    raw.active = false;
    fire('connect_error', Object.assign(new Error('请先登录'), { data: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    expect(client.state).toBe('offline');
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('is offline for good, and says the session ended, when the server drops the connection (signed out)', () => {
    const { socket, fire, raw } = fakeSocket();
    const client = new RealtimeClient(socket);
    const ended = vi.fn();
    client.onSessionEnded(ended);
    fire('session.ready', sessionReady(me, 4));
    raw.active = false;
    fire('disconnect', 'io server disconnect');
    expect(client.state).toBe('offline');
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('keeps trying while the server is unreachable, without ending the session, and hands reloads on', () => {
    const { socket, fire } = fakeSocket();
    const client = new RealtimeClient(socket);
    const ended = vi.fn();
    const reloads: number[] = [];
    client.onSessionEnded(ended);
    client.onReload((reload) => reloads.push(reload.latestSeq));
    fire('connect_error', new Error('xhr poll error'));
    fire('sync.reload', { latestSeq: 42 });
    expect(client.state).toBe('reconnecting');
    expect(ended).not.toHaveBeenCalled();
    expect(reloads).toEqual([42]);
  });
});
