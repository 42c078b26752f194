import { useCallback, useEffect, useState } from 'react';
import type { PresenceSnapshot } from '@app/shared';
import { connectRealtime, type RealtimeClient } from '../../app/realtime/realtime-client.js';
import { useCurrentUser } from '../auth/use-session.js';
import type { CaseLive } from './case-live.js';

/**
 * `CaseLive` over the realtime client: the drawer announces the case as open, follows its
 * presence and live events, and says which field the user edits (the client renews that while
 * the field has focus). The drawer keeps a connection of its own, opened and closed with it,
 * because the board's connection lives and dies inside the board.
 */
export function useRealtimeCaseLive(caseId: string, connect: () => RealtimeClient = connectRealtime): CaseLive {
  const me = useCurrentUser();
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const [presence, setPresence] = useState<PresenceSnapshot>({ caseId, viewers: [], editors: [] });
  const [latestSeq, setLatestSeq] = useState(0);

  useEffect(() => {
    const connection = connect();
    setClient(connection);
    const stops = [
      connection.onPresence((snapshot) => snapshot.caseId === caseId && setPresence(snapshot)),
      connection.onCaseEvent((event) => event.caseId === caseId && setLatestSeq(event.seq)),
      // Missed too much to replay: refetching the case is the drawer's "reload".
      connection.onReload((reload) => setLatestSeq(reload.latestSeq)),
    ];
    connection.openCase(caseId).catch(() => undefined);
    return () => {
      for (const stop of stops) stop();
      // Closing the connection ends its presence on the server: no case.close round trip needed.
      connection.close();
    };
  }, [caseId, connect]);

  const editing = useCallback((field: string) => void client?.startEditing(caseId, field).catch(() => undefined), [client, caseId]);
  const idle = useCallback((field: string) => void client?.stopEditing(caseId, field).catch(() => undefined), [client, caseId]);

  return {
    viewers: presence.viewers.filter((viewer) => viewer.userId !== me.id),
    editors: presence.editors.filter((editor) => editor.userId !== me.id),
    editing,
    idle,
    latestSeq,
  };
}
