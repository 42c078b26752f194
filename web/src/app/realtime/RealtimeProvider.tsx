import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../../features/auth/use-session.js';
import { connectRealtime, type ConnectionState, type RealtimeClient } from './realtime-client.js';
import { RealtimeContext, type Realtime } from './use-realtime.js';

/** How long "reconnected, up to date" stays on screen. */
const RESYNCED_NOTICE_MS = 4_000;

/**
 * Owns the one live connection of the signed-in session: opened when someone signs in, closed
 * when they sign out (or the server says the session is gone), whatever screens are open. The
 * board and the drawer subscribe to it, so events are tracked and caught up once per session.
 */
export function RealtimeProvider({ children, connect = connectRealtime }: { children: ReactNode; connect?: () => RealtimeClient }) {
  const { state, recheck } = useSession();
  const userId = state.status === 'signed-in' ? state.user.id : null;
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [resynced, setResynced] = useState(false);

  useEffect(() => {
    if (!userId) return;
    const opened = connect();
    let interrupted = false;
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    setClient(opened);
    setConnection(opened.state);
    const stops = [
      opened.onStateChange((next) => {
        setConnection(next);
        if (next === 'reconnecting' || next === 'offline') interrupted = true;
        if (next !== 'online' || !interrupted) return;
        interrupted = false;
        setResynced(true);
        clearTimeout(noticeTimer);
        noticeTimer = setTimeout(() => setResynced(false), RESYNCED_NOTICE_MS);
      }),
      // Asking the server again shows the sign-in page if the session is really gone.
      opened.onSessionEnded(recheck),
    ];
    return () => {
      for (const stop of stops) stop();
      clearTimeout(noticeTimer);
      opened.close();
      setClient(null);
      setConnection('connecting');
      setResynced(false);
    };
  }, [userId, connect, recheck]);

  const realtime = useMemo<Realtime>(() => ({ client, connection, resynced }), [client, connection, resynced]);
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}
