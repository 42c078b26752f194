import { useCallback, useEffect, useState } from 'react';
import type { SlaCrossingData, SlaDeadline } from '@app/shared';
import { useRealtime } from '../../app/realtime/use-realtime.js';
import { fetchCase } from '../case-drawer/case-drawer-api.js';

export interface BreachAlert {
  /** The `sla.breached` event's sequence number: one alert per event, newest first. */
  seq: number;
  caseId: string;
  deadline: SlaDeadline;
  /** Null when the case could not be read: the alert still says that something is overdue. */
  number: string | null;
  title: string | null;
}

/**
 * The breaches recorded while the session is open, from its shared connection, with the number
 * and title the events themselves do not carry. They stay until dismissed.
 */
export function useBreachAlerts() {
  const { client } = useRealtime();
  const [alerts, setAlerts] = useState<BreachAlert[]>([]);

  useEffect(() => {
    if (!client) return;
    let current = true;
    const stop = client.onCaseEvent((event) => {
      if (event.type !== 'sla.breached') return;
      const { deadline } = event.data as unknown as SlaCrossingData;
      void fetchCase(event.caseId)
        .then(
          ({ number, title }) => ({ number, title }),
          () => ({ number: null, title: null }),
        )
        .then((about) => {
          if (!current) return;
          const alert: BreachAlert = { seq: event.seq, caseId: event.caseId, deadline, ...about };
          setAlerts((shown) => (shown.some((other) => other.seq === alert.seq) ? shown : [alert, ...shown].sort((a, b) => b.seq - a.seq)));
        });
    });
    return () => {
      current = false;
      stop();
    };
  }, [client]);

  const dismiss = useCallback((seq: number) => setAlerts((shown) => shown.filter((alert) => alert.seq !== seq)), []);
  const dismissAll = useCallback(() => setAlerts([]), []);
  return { alerts, dismiss, dismissAll };
}
