import type { MonthlyReport, MonthlyReportQuery } from '@app/shared';
import { useFetched } from '../../app/use-fetched.js';
import { fetchMonthlyReport } from './reports-api.js';

export interface MonthlyReportState {
  report: MonthlyReport | null;
  error: unknown;
  loading: boolean;
  refetch(): void;
}

/** The report of one month and department, asked for again when either changes or on `refetch`. */
export function useMonthlyReport({ month, department }: MonthlyReportQuery): MonthlyReportState {
  const { data, error, loading, refetch } = useFetched(`${month} ${department ?? ''}`, (signal) =>
    fetchMonthlyReport({ month, department }, signal),
  );
  return { report: data, error, loading, refetch };
}
