import { useCallback, useEffect, useState } from 'react';
import type { Department, EscalationsOverview } from '@app/shared';
import { fetchEscalations } from './escalations-api.js';

/**
 * Heads keep the view open all day, and a case crosses into warning just by time passing, with
 * no event to say so: asking again every minute brings it in within a minute.
 */
export const ESCALATIONS_REFRESH_MS = 60_000;

export interface Escalations {
  /** The last answer, kept on screen while the next is asked for or when it fails. */
  overview: EscalationsOverview | null;
  error: unknown;
  loading: boolean;
  refetch(): void;
}

/** The escalated cases of one department (or all), refetched every minute and whenever `refetch` is called. */
export function useEscalations(department: Department | undefined): Escalations {
  const [overview, setOverview] = useState<EscalationsOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [asked, setAsked] = useState(0);
  const refetch = useCallback(() => setAsked((count) => count + 1), []);

  // Another department is another list: the old one must not stand under the new caption.
  useEffect(() => {
    setOverview(null);
  }, [department]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetchEscalations({ department }, controller.signal).then(
      (answer) => {
        setOverview(answer);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [department, asked]);

  useEffect(() => {
    const timer = setInterval(refetch, ESCALATIONS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  return { overview, error, loading, refetch };
}
