import { useCallback, useEffect, useState } from 'react';
import type { ApprovalPolicy, CaseDetail, UserSummary } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { fetchApprovalPolicy, fetchCase, fetchUsers } from './case-drawer-api.js';

export type CaseDrawerData =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; detail: CaseDetail; users: UserSummary[]; policy: ApprovalPolicy };

/**
 * The case behind a case number plus what every panel needs with it: the colleagues (names,
 * owners, @mentions) and the approval policy (tiers, allowed moves).
 */
export function useCaseDrawer(number: string) {
  const [data, setData] = useState<CaseDrawerData>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([fetchCase(number), fetchUsers(), fetchApprovalPolicy()]).then(
      ([detail, users, policy]) => current && setData({ status: 'ready', detail, users, policy }),
      (error: unknown) => {
        if (!current) return;
        const missing = error instanceof ApiError && error.status === 404;
        setData(missing ? { status: 'not-found' } : { status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [number, attempt]);

  /** The server's latest case, from an answer to a change or a conflict. */
  const setDetail = useCallback((detail: CaseDetail) => {
    setData((current) => (current.status === 'ready' ? { ...current, detail } : current));
  }, []);

  /** Refetches the case alone, keeping the panels on screen meanwhile. */
  const refreshCase = useCallback(async () => {
    const detail = await fetchCase(number);
    setDetail(detail);
  }, [number, setDetail]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { data, setDetail, refreshCase, retry };
}
