import { z } from 'zod';
import type { ErrorCode } from '../errors/error-codes.js';
import { timelineEntrySchema, type CaseEventType } from '../timeline/timeline.schema.js';
import { roleSchema } from '../users/user.schema.js';

/**
 * The typed realtime contract between server and web. Socket.IO runs on the app's own port at
 * `/socket.io`; the handshake is authenticated by the session cookie.
 */

/** A committed timeline event as it goes out live: the timeline entry without its hash chain. */
export const liveCaseEventSchema = timelineEntrySchema.omit({ prevHash: true, hash: true });
export type LiveCaseEvent = z.infer<typeof liveCaseEventSchema>;

export const presenceViewerSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: roleSchema,
});
export type PresenceViewer = z.infer<typeof presenceViewerSchema>;

export const presenceEditorSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  field: z.string(),
});
export type PresenceEditor = z.infer<typeof presenceEditorSchema>;

/** Who has a case open and who is editing which of its fields, across every server instance. */
export const presenceSnapshotSchema = z.object({
  caseId: z.uuid(),
  viewers: z.array(presenceViewerSchema),
  /** Empty in what the board gets: the board shows viewers only. */
  editors: z.array(presenceEditorSchema),
});
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;

export interface SessionReady {
  user: PresenceViewer;
  /** Live events after this sequence number reach this connection; a fresh client starts here. */
  latestSeq: number;
  /** Every case someone has open, viewers only. */
  presence: PresenceSnapshot[];
}

export interface SyncReload {
  /** The client missed too much to catch up event by event: refetch, then go on after this seq. */
  latestSeq: number;
}

type CaseEventListeners = { [Type in CaseEventType]: (event: LiveCaseEvent) => void };

export interface ServerToClientEvents extends CaseEventListeners {
  'session.ready': (ready: SessionReady) => void;
  'presence.changed': (presence: PresenceSnapshot) => void;
  'sync.reload': (reload: SyncReload) => void;
}

/** Field names as the case form knows them, e.g. `title` or `investigation.findings`. */
const fieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/);

export const syncResumeInputSchema = z.strictObject({ lastSeq: z.number().int().nonnegative() });
export type SyncResumeInput = z.infer<typeof syncResumeInputSchema>;

export const caseRefInputSchema = z.strictObject({ caseId: z.uuid() });
export type CaseRefInput = z.infer<typeof caseRefInputSchema>;

export const fieldRefInputSchema = z.strictObject({ caseId: z.uuid(), field: fieldNameSchema });
export type FieldRefInput = z.infer<typeof fieldRefInputSchema>;

/** Every client message has its payload schema here; the server parses each one with it. */
export const CLIENT_EVENT_SCHEMAS = {
  'sync.resume': syncResumeInputSchema,
  'case.open': caseRefInputSchema,
  'case.close': caseRefInputSchema,
  'field.editing': fieldRefInputSchema,
  'field.idle': fieldRefInputSchema,
} as const;

export type ClientEventName = keyof typeof CLIENT_EVENT_SCHEMAS;

/** Answer to every client message, through the Socket.IO acknowledgement. */
export type RealtimeAck<Result extends object = object> =
  | ({ ok: true } & Result)
  | { ok: false; code: ErrorCode; message: string; details?: unknown };

export type SyncResumeResult =
  /**
   * The missed events not already sent on this connection went out before this answer;
   * everything up to `throughSeq` has now been sent.
   */
  | { replayed: number; throughSeq: number }
  /** Too far behind: `sync.reload` was sent instead. */
  | { reload: true; latestSeq: number };

export interface ClientToServerEvents {
  'sync.resume': (input: SyncResumeInput, ack: (answer: RealtimeAck<SyncResumeResult>) => void) => void;
  'case.open': (input: CaseRefInput, ack: (answer: RealtimeAck<{ presence: PresenceSnapshot }>) => void) => void;
  'case.close': (input: CaseRefInput, ack: (answer: RealtimeAck) => void) => void;
  /** Renew at least every few seconds while typing: editing expires without renewal. */
  'field.editing': (input: FieldRefInput, ack: (answer: RealtimeAck) => void) => void;
  'field.idle': (input: FieldRefInput, ack: (answer: RealtimeAck) => void) => void;
}

export const BOARD_ROOM = 'board';
export const caseRoom = (caseId: string): string => `case:${caseId}`;
export const userRoom = (userId: string): string => `user:${userId}`;
