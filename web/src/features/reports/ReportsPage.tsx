import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DEPARTMENTS, monthlyReportQuerySchema, queryToObject, reportMonthSchema, type MonthlyReportQuery } from '@app/shared';
import { formatDateTime } from '../board/format.js';
import { asLocale, errorText } from '../case-drawer/format.js';
import { ReportKeyFigures } from './ReportKeyFigures.js';
import { ReportTables } from './ReportTables.js';
import { monthlyReportCsvHref } from './reports-api.js';
import { shiftMonth } from './reports-route.js';
import { useMonthlyReport } from './use-monthly-report.js';
import './reports.css';

/**
 * `/reports?month=YYYY-MM&department=…`: what managers read every month, printable and exportable.
 * The server decides who may read it; anyone else reads its refusal here.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = monthlyReportQuerySchema.safeParse(queryToObject(searchParams));
  const query: MonthlyReportQuery = parsed.success ? parsed.data : monthlyReportQuerySchema.parse({});
  const { report, error, loading, refetch } = useMonthlyReport(query);
  const ids = { month: useId(), department: useId() };

  const choose = (next: Partial<MonthlyReportQuery>) => {
    const { month, department } = { ...query, ...next };
    setSearchParams({ month, ...(department ? { department } : {}) });
  };

  return (
    <section className="reports" aria-labelledby="reports-title" aria-busy={loading}>
      <header className="reports__header">
        <h2 id="reports-title">
          {t('reports.title')} · {query.month}
          {query.department && ` · ${t(`department.${query.department}`)}`}
        </h2>
        <p className="reports__intro">{t('reports.intro')}</p>
        <p role="status" className="reports__status">
          {report ? t('reports.asOf', { time: formatDateTime(report.asOf, locale) }) : loading && t('reports.loading')}
        </p>
      </header>

      <div className="reports__controls" role="group" aria-label={t('reports.controls.label')}>
        <button type="button" className="button" onClick={() => choose({ month: shiftMonth(query.month, -1) })}>
          {t('reports.controls.previous')}
        </button>
        <label htmlFor={ids.month}>{t('reports.controls.month')}</label>
        <input
          id={ids.month}
          type="month"
          value={query.month}
          onChange={(event) => {
            if (reportMonthSchema.safeParse(event.target.value).success) choose({ month: event.target.value });
          }}
        />
        <button type="button" className="button" onClick={() => choose({ month: shiftMonth(query.month, 1) })}>
          {t('reports.controls.next')}
        </button>
        <label htmlFor={ids.department}>{t('reports.controls.department')}</label>
        <select
          id={ids.department}
          value={query.department ?? ''}
          onChange={(event) => choose({ department: event.target.value === '' ? undefined : (event.target.value as MonthlyReportQuery['department']) })}
        >
          <option value="">{t('reports.controls.allDepartments')}</option>
          {DEPARTMENTS.map((department) => (
            <option key={department} value={department}>
              {t(`department.${department}`)}
            </option>
          ))}
        </select>
        <a className="button reports__export" href={monthlyReportCsvHref(query)} download>
          {t('reports.controls.export')}
        </a>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('reports.controls.print')}
        </button>
      </div>

      {error !== null && (
        <p role="alert" className="reports__error">
          {t('reports.loadFailed', { message: errorText(error, locale, error instanceof Error ? error.message : String(error)) })}{' '}
          <button type="button" className="button" onClick={refetch}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {report && (
        <>
          <ReportKeyFigures report={report} locale={locale} />
          <ReportTables report={report} locale={locale} />
        </>
      )}
    </section>
  );
}
