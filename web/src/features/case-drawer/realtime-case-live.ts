import { useCallback, useEffect, useState } from 'react';
import type { PresenceSnapshot } from '@app/shared';
import { useRealtime } from '../../app/realtime/use-realtime.js';
import { useCurrentUser } from '../auth/use-session.js';
import type { CaseLive } from './case-live.js';

/**
 * `CaseLive` on the session's shared connection: the drawer opens the case (joining its room),
 * follows its presence and live events, and says which field the user edits (the client renews
 * that while the field has focus). Closing the drawer closes the case, not the connection: the
 * board under it stays live.
 */
export function useRealtimeCaseLive(caseId: string): CaseLive {
  const me = useCurrentUser();
  const { client } = useRealtime();
  const [presence, setPresence] = useState<PresenceSnapshot>({ caseId, viewers: [], editors: [] });
  const [latestSeq, setLatestSeq] = useState(0);

  useEffect(() => {
    if (!client) return;
    setPresence(client.presenceOf(caseId));
    const stops = [
      client.onPresence((snapshot) => snapshot.caseId === caseId && setPresence(snapshot)),
      client.onCaseEvent((event) => event.caseId === caseId && setLatestSeq(event.seq)),
      // Missed too much to replay: refetching the case is the drawer's "reload".
      client.onReload((reload) => setLatestSeq(reload.latestSeq)),
    ];
    client.openCase(caseId).catch(() => undefined);
    return () => {
      for (const stop of stops) stop();
      client.closeCase(caseId).catch(() => undefined);
    };
  }, [caseId, client]);

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
