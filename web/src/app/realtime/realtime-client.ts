import { io, type Socket } from 'socket.io-client';
import {
  CASE_EVENT_TYPES,
  type ClientToServerEvents,
  type LiveCaseEvent,
  type PresenceSnapshot,
  type PresenceViewer,
  type RealtimeAck,
  type ServerToClientEvents,
  type SyncReload,
} from '@app/shared';
import { SeqTracker } from './seq-tracker';

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** `offline`: closed, or ended by the server; socket.io does not retry either by itself. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Renewed well inside the server's 30 s editing timeout. */
const EDITING_RENEW_MS = 10_000;
const ACK_TIMEOUT_MS = 10_000;
/** After a failed sync.resume with events still missing; the next event or reconnect may ask sooner. */
const RESUME_RETRY_MS = 2_000;

type Listener<T> = (value: T) => void;

class Listeners<T> {
  private readonly set = new Set<Listener<T>>();
  add(listener: Listener<T>): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value);
      } catch (error) {
        // One screen's failing listener must not keep the event from the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/**
 * The signed-in session's one live connection, shared by the board and the case drawer: case
 * events in seq order and each once to every listener (also across reconnects, through a single
 * sync.resume), the connection state, and presence. Cases opened and fields being edited are
 * re-announced after a reconnect, since presence belongs to a connection.
 */
export class RealtimeClient {
  private current: ConnectionState = 'connecting';
  private user: PresenceViewer | null = null;
  private readonly tracker: SeqTracker;
  private readonly caseEvents = new Listeners<LiveCaseEvent>();
  private readonly reloads = new Listeners<SyncReload>();
  private readonly presenceChanges = new Listeners<PresenceSnapshot>();
  private readonly stateChanges = new Listeners<ConnectionState>();
  private readonly sessionEnds = new Listeners<void>();
  private readonly presence = new Map<string, PresenceSnapshot>();
  private readonly openCases = new Set<string>();
  /** `${caseId} ${field}` -> renewal timer. */
  private readonly editing = new Map<string, ReturnType<typeof setInterval>>();
  private resumeRetry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: BoardSocket) {
    this.tracker = new SeqTracker(
      (event) => this.caseEvents.emit(event),
      (lastSeq) => void this.resume(lastSeq),
    );
    for (const type of CASE_EVENT_TYPES) socket.on(type, (event) => this.tracker.receive(event));
    socket.on('session.ready', (ready) => {
      this.user = ready.user;
      this.presence.clear();
      for (const snapshot of ready.presence) this.setPresence(snapshot);
      this.tracker.connected(ready.latestSeq);
      this.setState('online');
      this.reannounce();
    });
    socket.on('sync.reload', (reload) => this.reloads.emit(reload));
    socket.on('presence.changed', (snapshot) => this.setPresence(snapshot));
    socket.on('disconnect', (reason) => {
      this.setState(socket.active ? 'reconnecting' : 'offline');
      // The server drops the sockets of a session that signed out; socket.io does not retry that.
      if (reason === 'io server disconnect') this.sessionEnds.emit();
    });
    // A refused handshake is not retried by socket.io either: only a new sign-in gets a connection.
    socket.on('connect_error', (error) => {
      this.setState(socket.active ? 'reconnecting' : 'offline');
      if (errorCode(error) === 'UNAUTHENTICATED') this.sessionEnds.emit();
    });
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The last event seq this client has handed on. */
  get lastSeq(): number | null {
    return this.tracker.lastSeq;
  }

  get me(): PresenceViewer | null {
    return this.user;
  }

  onCaseEvent(handler: Listener<LiveCaseEvent>): () => void {
    return this.caseEvents.add(handler);
  }

  /** Too much was missed to catch up event by event: refetch the board. */
  onReload(handler: Listener<SyncReload>): () => void {
    return this.reloads.add(handler);
  }

  onPresence(handler: Listener<PresenceSnapshot>): () => void {
    return this.presenceChanges.add(handler);
  }

  onStateChange(handler: Listener<ConnectionState>): () => void {
    return this.stateChanges.add(handler);
  }

  /** The server says the session is gone (signed out, expired): this connection will not come back. */
  onSessionEnded(handler: () => void): () => void {
    return this.sessionEnds.add(handler);
  }

  /** Every case someone has open, as known so far; for listeners that join after `session.ready`. */
  get presenceSnapshots(): readonly PresenceSnapshot[] {
    return [...this.presence.values()];
  }

  /** Who has the case open (and, for cases this client has open, who edits what). */
  presenceOf(caseId: string): PresenceSnapshot {
    return this.presence.get(caseId) ?? { caseId, viewers: [], editors: [] };
  }

  async openCase(caseId: string): Promise<PresenceSnapshot> {
    this.openCases.add(caseId);
    const answer = await this.request(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId }));
    this.setPresence(answer.presence);
    return answer.presence;
  }

  async closeCase(caseId: string): Promise<void> {
    this.openCases.delete(caseId);
    for (const key of [...this.editing.keys()]) if (key.startsWith(`${caseId} `)) this.stopTimer(key);
    await this.request(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId }));
  }

  /** Announces editing of a field and keeps renewing it until `stopEditing`. */
  async startEditing(caseId: string, field: string): Promise<void> {
    const key = `${caseId} ${field}`;
    if (!this.editing.has(key)) {
      this.openCases.add(caseId);
      this.editing.set(key, setInterval(() => void this.sendEditing(caseId, field).catch(() => undefined), EDITING_RENEW_MS));
    }
    await this.sendEditing(caseId, field);
  }

  async stopEditing(caseId: string, field: string): Promise<void> {
    this.stopTimer(`${caseId} ${field}`);
    await this.request(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.idle', { caseId, field }));
  }

  close(): void {
    clearTimeout(this.resumeRetry);
    for (const key of [...this.editing.keys()]) this.stopTimer(key);
    this.socket.disconnect();
    this.setState('offline');
  }

  private async resume(lastSeq: number): Promise<void> {
    try {
      this.tracker.resumed(await this.request(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq })));
    } catch {
      if (this.tracker.resumeFailed()) {
        clearTimeout(this.resumeRetry);
        this.resumeRetry = setTimeout(() => this.tracker.retryResume(), RESUME_RETRY_MS);
      }
    }
  }

  private sendEditing(caseId: string, field: string): Promise<object> {
    return this.request(() => this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.editing', { caseId, field }));
  }

  private reannounce(): void {
    const editedCases = new Set([...this.editing.keys()].map((key) => key.split(' ')[0]));
    for (const caseId of this.openCases) if (!editedCases.has(caseId)) void this.openCase(caseId).catch(() => undefined);
    for (const key of this.editing.keys()) {
      const [caseId, field] = key.split(' ');
      void this.sendEditing(caseId, field).catch(() => undefined);
    }
  }

  private stopTimer(key: string): void {
    clearInterval(this.editing.get(key));
    this.editing.delete(key);
  }

  private setPresence(snapshot: PresenceSnapshot): void {
    if (snapshot.viewers.length === 0 && snapshot.editors.length === 0) this.presence.delete(snapshot.caseId);
    else this.presence.set(snapshot.caseId, snapshot);
    this.presenceChanges.emit(snapshot);
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanges.emit(state);
  }

  /** Unwraps an acknowledgement: a refusal becomes an error carrying the server's code. */
  private async request<Result extends object>(send: () => Promise<RealtimeAck<Result>>): Promise<Result> {
    const answer = await send();
    if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code, details: answer.details });
    return answer;
  }
}

/** The code a refused handshake carries (`connect_error`'s `data`, set by the gateway's middleware). */
function errorCode(error: Error): unknown {
  const { data } = error as Error & { data?: { code?: unknown } };
  return data?.code;
}

/** Connects to the board's own origin; the session cookie authenticates the handshake. */
export function connectRealtime(url = window.location.origin): RealtimeClient {
  return new RealtimeClient(io(url, { withCredentials: true }));
}
