import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { ClientEventName, LiveCaseEvent, PresenceViewer, SessionReady } from '@app/shared';
import { RealtimeClient, type BoardSocket } from './realtime-client.js';

/** Test support for everything on the live connection: a fake socket under the real client. */

type Handler = (...args: any[]) => void;
type Answers = Partial<Record<ClientEventName, (payload: any) => object>>;

const DEFAULT_ANSWERS: Answers = {
  'case.open': ({ caseId }) => ({ ok: true, presence: { caseId, viewers: [], editors: [] } }),
  'case.close': () => ({ ok: true }),
  'field.editing': () => ({ ok: true }),
  'field.idle': () => ({ ok: true }),
};

/** Just enough of a socket.io-client socket: handlers by event, and acknowledgements answered by `answers`. */
export function fakeSocket(answers: Answers = {}) {
  const handlers = new Map<string, Handler[]>();
  const sent: { event: string; payload: any }[] = [];
  const raw = {
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return raw;
    },
    timeout: () => ({
      emitWithAck: async (event: ClientEventName, payload: unknown) => {
        sent.push({ event, payload });
        const answer = answers[event] ?? DEFAULT_ANSWERS[event];
        if (!answer) throw new Error(`no answer for ${event}`);
        return answer(payload);
      },
    }),
    disconnect: vi.fn(() => {
      raw.active = false;
    }),
  };
  /** What the server would send; inside `act`, since screens update on it. */
  const fire = (event: string, ...args: unknown[]) => act(() => handlers.get(event)?.forEach((handler) => handler(...args)));
  const sentOf = (event: ClientEventName) => sent.filter((message) => message.event === event).map((message) => message.payload);
  return { socket: raw as unknown as BoardSocket, raw, fire, sent, sentOf };
}

export type FakeSocket = ReturnType<typeof fakeSocket>;

/** A `connect` for the realtime provider that records every connection it opens. */
export function fakeConnections(answers: Answers = {}) {
  const opened: FakeSocket[] = [];
  const connect = vi.fn(() => {
    const socket = fakeSocket(answers);
    opened.push(socket);
    return new RealtimeClient(socket.socket);
  });
  return {
    connect,
    opened,
    /** The connection opened last. */
    get latest(): FakeSocket {
      const socket = opened.at(-1);
      if (!socket) throw new Error('no connection was opened');
      return socket;
    },
  };
}

export const viewer = (user: { id: string; displayName: string; role: PresenceViewer['role'] }): PresenceViewer => ({
  userId: user.id,
  displayName: user.displayName,
  role: user.role,
});

export const sessionReady = (user: PresenceViewer, latestSeq: number, presence: SessionReady['presence'] = []): SessionReady => ({
  user,
  latestSeq,
  presence,
});

export const caseEvent = (seq: number, fields: Partial<LiveCaseEvent> = {}): LiveCaseEvent => ({
  seq,
  caseId: '00000000-0000-4000-8000-000000000001',
  type: 'case.moved',
  actorId: null,
  actorName: null,
  requestId: null,
  occurredAt: '2026-11-23T08:00:00.000Z',
  data: {},
  ...fields,
});
