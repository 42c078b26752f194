import { useEffect, useRef } from 'react';
import type { CaseEventType } from '@app/shared';
import type { ConnectionState } from '../../app/realtime/realtime-client.js';
import { useRealtime } from '../../app/realtime/use-realtime.js';

/** A burst of events (a bulk reassignment, a busy hour) becomes one request. */
export const LIVE_REFETCH_DELAY_MS = 1_000;

/**
 * What can put a case on the view, take it off or change its row: a new complaint, a move (into
 * follow-up it is resolved), an edit (severity, owner, department, title), the SLA watch finding
 * it in warning or breached (sooner than the minute's refetch would). Comments, evidence and
 * approvals change none of that.
 */
const CHANGES_ESCALATIONS: ReadonlySet<CaseEventType> = new Set(['case.created', 'case.moved', 'case.updated', 'sla.warning', 'sla.breached']);

/**
 * Keeps the view live on the session's shared connection by asking for it again after the case
 * events that matter, after the server's "reload" and once back online. Refetching rather than
 * patching rows: whether a case belongs on the view is the server's SQL to decide.
 */
export function useEscalationsLive(refetch: () => void): ConnectionState {
  const { client, connection, resynced } = useRealtime();
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;

  useEffect(() => {
    if (!client) return;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refetchSoon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        refetchRef.current();
      }, LIVE_REFETCH_DELAY_MS);
    };
    const stops = [
      client.onCaseEvent((event) => {
        if (CHANGES_ESCALATIONS.has(event.type)) refetchSoon();
      }),
      client.onReload(refetchSoon),
    ];
    return () => {
      for (const stop of stops) stop();
      clearTimeout(pending);
    };
  }, [client]);

  // Missed events are replayed on reconnection, but time went on too: cases may have crossed into warning meanwhile.
  useEffect(() => {
    if (resynced) refetchRef.current();
  }, [resynced]);

  return connection;
}
