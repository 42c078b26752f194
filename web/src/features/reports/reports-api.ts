import type { MonthlyReport, MonthlyReportQuery } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

const queryString = ({ month, department }: MonthlyReportQuery) => new URLSearchParams({ month, ...(department ? { department } : {}) }).toString();

export const fetchMonthlyReport = (query: MonthlyReportQuery, signal?: AbortSignal) =>
  apiRequest<MonthlyReport>(`/reports/monthly?${queryString(query)}`, { signal });

/** A plain link: the browser downloads the file under the name the server gives it. */
export const monthlyReportCsvHref = (query: MonthlyReportQuery) => `/api/reports/monthly.csv?${queryString(query)}`;
