import { useCallback, useEffect, useRef, useState } from 'react';

export interface Fetched<T> {
  /** The last answer, kept on screen while the next is asked for or when it fails. */
  data: T | null;
  error: unknown;
  loading: boolean;
  refetch(): void;
}

/**
 * What `load` answers for the query named by `key`: asked again when the key changes or on
 * `refetch`, the request before it aborted. A new key clears the old answer, since another
 * query's figures must not stand under this one's heading; a refetch keeps it until replaced.
 */
export function useFetched<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Fetched<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [asked, setAsked] = useState(0);
  const refetch = useCallback(() => setAsked((count) => count + 1), []);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    setData(null);
  }, [key]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (answer) => {
        setData(answer);
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
  }, [key, asked]);

  return { data, error, loading, refetch };
}
