import { useEffect } from 'react';
import type { Department, EscalationsOverview } from '@app/shared';
import { useFetched } from '../../app/use-fetched.js';
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
  const { data, error, loading, refetch } = useFetched(department ?? '', (signal) => fetchEscalations({ department }, signal));

  useEffect(() => {
    const timer = setInterval(refetch, ESCALATIONS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  return { overview: data, error, loading, refetch };
}
