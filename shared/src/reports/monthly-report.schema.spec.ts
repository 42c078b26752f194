import { describe, expect, it } from 'vitest';
import { currentReportMonth, mayReadReports, monthlyReportQuerySchema } from './monthly-report.schema.js';

describe('the monthly report query', () => {
  it('reads the month in Beijing time: 16:00 UTC on the last day is already the next month there', () => {
    expect(currentReportMonth(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(currentReportMonth(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });

  it('defaults to the current month and takes an owning department', () => {
    expect(monthlyReportQuerySchema.parse({}).month).toBe(currentReportMonth());
    expect(monthlyReportQuerySchema.parse({ month: '2026-11', department: 'quality' })).toEqual({ month: '2026-11', department: 'quality' });
  });

  it.each(['2026-13', '2026-1', '26-11', '2026-11-01', 'november'])('refuses the month %s', (month) => {
    expect(monthlyReportQuerySchema.safeParse({ month }).success).toBe(false);
  });

  it('is for heads, customer-service supervisors and quality only', () => {
    expect(mayReadReports('department_head')).toBe(true);
    expect(mayReadReports('cs_supervisor')).toBe(true);
    expect(mayReadReports('quality_investigator')).toBe(true);
    expect(mayReadReports('cs_agent')).toBe(false);
    expect(mayReadReports('admin')).toBe(false);
  });
});
