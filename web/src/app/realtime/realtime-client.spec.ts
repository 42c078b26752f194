import { describe, expect, it, vi } from 'vitest';
import type { LiveCaseEvent, SessionReady } from '@app/shared';
import { RealtimeClient, type BoardSocket } from './realtime-client';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io-client socket: handlers by event, and acknowledgements answered by `answers`. */
function fakeSocket(answers: Record<string, (payload: any) => object>) {
  const handlers = new Map<string, Handler[]>();
  const sent: { event: string; payload: unknown }[] = [];
  const socket = {
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    timeout: () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return answers[event](payload);
      },
    }),
    disconnect: vi.fn(),
  };
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((handler) => handler(...args));
  return { socket: socket as unknown as BoardSocket, fire, sent, raw: socket };
}

const ready = (latestSeq: number): SessionReady => ({
  user: { userId: '00000000-0000-4000-8000-000000000002', displayName: '王晓燕', role: 'cs_agent' },
  latestSeq,
  presence: [],
});
const event = (seq: number): LiveCaseEvent => ({
  seq,
  caseId: '00000000-0000-4000-8000-000000000001',
  type: 'case.moved',
  actorId: null,
  actorName: null,
  requestId: null,
  occurredAt: '2026-11-23T08:00:00.000Z',
  data: {},
});

describe('RealtimeClient', () => {
  it('goes online, and after a drop resumes from its last seq and re-opens the cases it had open', async () => {
    const { socket, fire, sent } = fakeSocket({
      'sync.resume': () => ({ ok: true, replayed: 1, throughSeq: 6 }),
      'case.open': ({ caseId }) => ({ ok: true, presence: { caseId, viewers: [], editors: [] } }),
    });
    const client = new RealtimeClient(socket);
    const states: string[] = [];
    const seqs: number[] = [];
    client.onStateChange((state) => states.push(state));
    client.onCaseEvent((e) => seqs.push(e.seq));

    fire('session.ready', ready(4));
    fire('case.moved', event(5));
    await client.openCase('00000000-0000-4000-8000-0000000000aa');
    fire('disconnect', 'transport close');
    expect(client.state).toBe('reconnecting');

    fire('session.ready', ready(9));
    fire('case.moved', event(6));
    await vi.waitFor(() => expect(seqs).toEqual([5, 6]));
    expect(sent.filter((s) => s.event === 'sync.resume')).toEqual([{ event: 'sync.resume', payload: { lastSeq: 5 } }]);
    expect(sent.filter((s) => s.event === 'case.open')).toHaveLength(2);
    expect(states).toEqual(['online', 'reconnecting', 'online']);
  });

  it('is offline when the server refuses the session, and hands reloads on', () => {
    const { socket, fire, raw } = fakeSocket({});
    const client = new RealtimeClient(socket);
    const reloads: number[] = [];
    client.onReload((reload) => reloads.push(reload.latestSeq));
    fire('sync.reload', { latestSeq: 42 });
    raw.active = false;
    fire('connect_error', new Error('请先登录'));
    expect(client.state).toBe('offline');
    expect(reloads).toEqual([42]);
  });
});
