import type { ReportMonth } from '@app/shared';

export const REPORTS_PATH = '/reports';

/** The month `delta` months from `month`: `2026-01` and -1 give `2025-12`. */
export function shiftMonth(month: ReportMonth, delta: number): ReportMonth {
  const [year, monthOfYear] = month.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, monthOfYear - 1 + delta, 1));
  return shifted.toISOString().slice(0, 7);
}
