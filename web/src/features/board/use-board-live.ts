import { useCallback, useEffect, useRef, useState } from 'react';
import type { PresenceSnapshot } from '@app/shared';
import type { ConnectionState } from '../../app/realtime/realtime-client.js';
import { useRealtime } from '../../app/realtime/use-realtime.js';
import type { Board } from './use-board.js';

export interface BoardLive {
  connection: ConnectionState;
  /** Just back online after an interruption (missed events replayed, or the board reloaded). */
  resynced: boolean;
  /** Names of the colleagues who have the case open, without the signed-in user. */
  viewersOf(caseId: string): readonly string[];
}

const NOBODY: readonly string[] = [];

/**
 * The board's live side, on the session's shared connection: every committed case event goes
 * into the board's reducer (which drops the echo of this screen's own moves), the server's
 * "reload" after a long disconnection refetches the board, and presence says who is looking at
 * which card.
 */
export function useBoardLive(board: Board): BoardLive {
  const { client, connection, resynced } = useRealtime();
  const [viewers, setViewers] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const boardRef = useRef(board);
  boardRef.current = board;
  /** Events after this seq reach the board; a snapshot older than it misses the ones before. */
  const liveFrom = useRef<number | null>(null);

  const reloadIfBehind = useCallback(() => {
    const { seq, status } = boardRef.current.state;
    if (status === 'ready' && liveFrom.current !== null && seq < liveFrom.current) boardRef.current.reload();
  }, []);

  useEffect(() => {
    if (!client) return;
    const namesOf = (snapshot: PresenceSnapshot) =>
      snapshot.viewers.filter((viewer) => viewer.userId !== client.me?.userId).map((viewer) => viewer.displayName);
    const withPresence = (current: ReadonlyMap<string, readonly string[]>, snapshot: PresenceSnapshot) => {
      const next = new Map(current);
      const names = namesOf(snapshot);
      if (names.length > 0) next.set(snapshot.caseId, names);
      else next.delete(snapshot.caseId);
      return next;
    };
    // The connection may be older than the board: start from the presence it already knows.
    setViewers(client.presenceSnapshots.reduce(withPresence, new Map()));
    const startLive = () => {
      if (liveFrom.current !== null || client.lastSeq === null) return;
      liveFrom.current = client.lastSeq;
      reloadIfBehind();
    };

    const unsubscribe = [
      client.onCaseEvent((event) => boardRef.current.applyLiveEvent(event)),
      client.onReload(() => boardRef.current.reload()),
      client.onPresence((snapshot) => setViewers((current) => withPresence(current, snapshot))),
      client.onStateChange(startLive),
    ];
    startLive();
    return () => {
      for (const stop of unsubscribe) stop();
      liveFrom.current = null;
    };
  }, [client, reloadIfBehind]);

  // A snapshot that was on its way when the live stream started may be older than the stream.
  useEffect(reloadIfBehind, [board.state.status, reloadIfBehind]);

  const viewersOf = useCallback((caseId: string) => viewers.get(caseId) ?? NOBODY, [viewers]);
  return { connection, resynced, viewersOf };
}
