import { useCallback, useEffect, useRef, useState } from 'react';
import type { PresenceSnapshot } from '@app/shared';
import { connectRealtime, type ConnectionState, type RealtimeClient } from '../../app/realtime/realtime-client.js';
import type { Board } from './use-board.js';

/** How long "reconnected, the board is up to date" stays on screen. */
const RESYNCED_NOTICE_MS = 4_000;

export interface BoardLive {
  connection: ConnectionState;
  /** Just back online after an interruption (missed events replayed, or the board reloaded). */
  resynced: boolean;
  /** Names of the colleagues who have the case open, without the signed-in user. */
  viewersOf(caseId: string): readonly string[];
}

const NOBODY: readonly string[] = [];

/**
 * The board's live side: every committed case event goes into the board's reducer (which drops
 * the echo of this screen's own moves), the server's "reload" after a long disconnection
 * refetches the board, and presence says who is looking at which card.
 */
export function useBoardLive(board: Board, connect: () => RealtimeClient = connectRealtime): BoardLive {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [resynced, setResynced] = useState(false);
  const [viewers, setViewers] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const boardRef = useRef(board);
  boardRef.current = board;

  useEffect(() => {
    const client = connect();
    let wasInterrupted = false;
    let firstOnline = true;
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    const namesOf = (snapshot: PresenceSnapshot) =>
      snapshot.viewers.filter((viewer) => viewer.userId !== client.me?.userId).map((viewer) => viewer.displayName);

    const unsubscribe = [
      client.onCaseEvent((event) => boardRef.current.applyLiveEvent(event)),
      client.onReload(() => boardRef.current.reload()),
      client.onPresence((snapshot) =>
        setViewers((current) => {
          const next = new Map(current);
          const names = namesOf(snapshot);
          if (names.length > 0) next.set(snapshot.caseId, names);
          else next.delete(snapshot.caseId);
          return next;
        }),
      ),
      client.onStateChange((state) => {
        setConnection(state);
        if (state === 'reconnecting' || state === 'offline') wasInterrupted = true;
        if (state !== 'online') return;
        // Events between the board's snapshot and this connection's starting point never reach it.
        const { seq, status } = boardRef.current.state;
        if (firstOnline && status === 'ready' && (client.lastSeq ?? 0) > seq) boardRef.current.reload();
        firstOnline = false;
        if (wasInterrupted) {
          wasInterrupted = false;
          setResynced(true);
          clearTimeout(noticeTimer);
          noticeTimer = setTimeout(() => setResynced(false), RESYNCED_NOTICE_MS);
        }
      }),
    ];
    return () => {
      for (const stop of unsubscribe) stop();
      clearTimeout(noticeTimer);
      client.close();
    };
  }, [connect]);

  const viewersOf = useCallback((caseId: string) => viewers.get(caseId) ?? NOBODY, [viewers]);
  return { connection, resynced, viewersOf };
}
