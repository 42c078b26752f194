/** Injection token for `RealtimeSettings`. */
export const REALTIME_SETTINGS = Symbol('REALTIME_SETTINGS');

export interface RealtimeSettings {
  /** Editing a field ends this long after its last `field.editing` renewal. */
  editingTimeoutMs: number;
  /** A client further behind than this gets `sync.reload` instead of the events one by one. */
  resumeLimit: number;
  /** Per connection, for every client message. */
  messagesPerSecond: number;
  messageBurst: number;
  /**
   * How long a missing sequence number is waited for before the event log in PostgreSQL is
   * asked; events from other instances may arrive a little out of order.
   */
  gapGraceMs: number;
  /** How often each instance re-announces its presence; silent instances are forgotten after three periods. */
  presenceRefreshMs: number;
  /** How often an idle instance checks the event log for commits it heard nothing about. */
  headCheckMs: number;
  /** How often this instance checks that the sessions behind its sockets have not expired. */
  sessionCheckMs: number;
}

export const DEFAULT_REALTIME_SETTINGS: RealtimeSettings = {
  editingTimeoutMs: 30_000,
  resumeLimit: 500,
  messagesPerSecond: 20,
  messageBurst: 40,
  gapGraceMs: 200,
  presenceRefreshMs: 10_000,
  headCheckMs: 5_000,
  sessionCheckMs: 60_000,
};
