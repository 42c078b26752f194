import { useCallback, useEffect, useState } from 'react';
import type { CaseCard } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

type BoardState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; cases: CaseCard[] };

export function useBoardCases(): BoardState & { reload: () => void } {
  const [state, setState] = useState<BoardState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    apiRequest<CaseCard[]>('/cases').then(
      (cases) => current && setState({ status: 'ready', cases }),
      (error: Error) => current && setState({ status: 'failed', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
