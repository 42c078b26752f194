import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveCaseEvent, ServerToClientEvents, SessionReady } from '@app/shared';
import type { TestApp } from './test-app.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Received {
  event: string;
  payload: any;
}

/**
 * A real socket.io-client connection with everything it receives recorded in order, so tests
 * wait for events instead of sleeping. Signed in through `cookie` (from `loginAs`), or not at all.
 */
export class RecordingClient {
  readonly socket: TestSocket;
  readonly received: Received[] = [];
  readonly ready: Promise<SessionReady>;

  constructor(testApp: TestApp, cookie: string | null) {
    this.socket = io(testApp.baseUrl, {
      transports: ['websocket'],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
      forceNew: true,
    });
    this.socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
    this.ready = this.waitFor('session.ready').then((received) => received.payload);
    // Refused connections never get ready; only those who await it should hear about that.
    this.ready.catch(() => undefined);
  }

  /** Resolves on the first recorded event (from `from` on) that matches, already received or still to come. */
  waitFor(event: string, matches: (payload: any) => boolean = () => true, from = 0, timeoutMs = 5_000): Promise<Received> {
    const find = () => this.received.slice(from).find((entry) => entry.event === event && matches(entry.payload));
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        clearTimeout(timer);
        this.socket.offAny(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.socket.offAny(check);
        reject(new Error(`no ${event} within ${timeoutMs} ms; received: ${this.received.map((r) => r.event).join(', ')}`));
      }, timeoutMs);
      this.socket.onAny(check);
      check();
    });
  }

  /** Case events received so far (from index `from`), in arrival order. */
  caseEvents(from = 0): LiveCaseEvent[] {
    return this.received
      .slice(from)
      .filter((entry) => typeof entry.payload?.seq === 'number')
      .map((entry) => entry.payload as LiveCaseEvent);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Resolves once connected and told its starting point; rejects with the server's refusal. */
export async function connectAs(testApp: TestApp, cookie: string | null): Promise<RecordingClient> {
  const client = new RecordingClient(testApp, cookie);
  await new Promise<void>((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', reject);
  });
  await client.ready;
  return client;
}

/** The refusal of a connection attempt: socket.io-client's connect_error, with the server's `data`. */
export function refusalOf(testApp: TestApp, cookie: string | null): Promise<Error & { data?: { code: string; message: string } }> {
  const client = new RecordingClient(testApp, cookie);
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => {
      client.close();
      reject(new Error('the connection was accepted'));
    });
    client.socket.once('connect_error', (error) => {
      client.close();
      resolve(error as Error & { data?: { code: string; message: string } });
    });
  });
}
