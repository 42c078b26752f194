import type { ClientToServerEvents, ServerToClientEvents, TimelineEntry } from '@app/shared';
import type { Server, Socket } from 'socket.io';
import type { SessionUser } from '../auth/current-user.decorator.js';
import type { PresenceAnnouncement } from './presence-registry.js';

/** Between server instances only, through the adapter; never seen by clients. */
export interface InterServerEvents {
  /** A commit of the sending instance, announced once by that instance alone. */
  'case.committed': (entry: TimelineEntry) => void;
  'presence.announce': (announcement: PresenceAnnouncement) => void;
}

export interface SocketData {
  user: SessionUser;
  /** The session the handshake's cookie named; the socket is closed when it ends. */
  sessionId: string;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
