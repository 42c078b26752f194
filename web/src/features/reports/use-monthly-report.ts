import { useCallback, useEffect, useState } from 'react';
import type { MonthlyReport, MonthlyReportQuery } from '@app/shared';
import { fetchMonthlyReport } from './reports-api.js';

export interface MonthlyReportState {
  report: MonthlyReport | null;
  error: unknown;
  loading: boolean;
  refetch(): void;
}

/** The report of one month and department, asked for again when either changes or on `refetch`. */
export function useMonthlyReport({ month, department }: MonthlyReportQuery): MonthlyReportState {
  const [report, setReport] = useState<MonthlyReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [asked, setAsked] = useState(0);
  const refetch = useCallback(() => setAsked((count) => count + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    // Another month's figures must not stand under this month's heading while it loads.
    setReport(null);
    setLoading(true);
    fetchMonthlyReport({ month, department }, controller.signal).then(
      (answer) => {
        setReport(answer);
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
  }, [month, department, asked]);

  return { report, error, loading, refetch };
}
