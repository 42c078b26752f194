import { createContext, useContext } from 'react';
import type { ConnectionState, RealtimeClient } from './realtime-client.js';

/** The session's live connection as every screen sees it: one client and one connection state. */
export interface Realtime {
  /** Null while nobody is signed in, and for the moment between sign-in and the connection. */
  client: RealtimeClient | null;
  connection: ConnectionState;
  /** Just back online after an interruption (missed events replayed, or a reload asked for). */
  resynced: boolean;
}

const WITHOUT_CONNECTION: Realtime = { client: null, connection: 'connecting', resynced: false };

export const RealtimeContext = createContext<Realtime>(WITHOUT_CONNECTION);

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
