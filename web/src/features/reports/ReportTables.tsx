import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_TOP, RESOLUTION_TARGET_HOURS, type Locale, type MonthlyReport } from '@app/shared';
import { formatDuration } from '../board/format.js';
import { formatCount, formatShare, formatYuan } from './report-format.js';

interface Counted {
  label: string;
  count: number;
}

/** A share as text, with a bar beside it for the eye; the bar says nothing the text does not. */
function ShareCell({ share, locale }: { share: number | null; locale: Locale }) {
  if (share === null) return <td className="report-table__number">–</td>;
  return (
    <td>
      <div className="report-table__share">
        <span className="report-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, share * 100)}%` }} />
        </span>
        <span className="report-table__number">{formatShare(share, locale)}</span>
      </div>
    </td>
  );
}

function Table({ caption, head, children, foot }: { caption: string; head: string[]; children: ReactNode; foot?: ReactNode }) {
  return (
    <div className="report-table__scroll">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}

/** Cases by one dimension, each with its share of `whole`. */
function CountTable({ caption, heading, rows, whole, locale }: { caption: string; heading: string; rows: Counted[]; whole: number; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <Table caption={caption} head={[heading, t('reports.table.count'), t('reports.table.share')]}>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={3} className="report-table__none">
            {t('reports.table.none')}
          </td>
        </tr>
      ) : (
        rows.map(({ label, count }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="report-table__number">{formatCount(count, locale)}</td>
            <ShareCell share={whole === 0 ? null : count / whole} locale={locale} />
          </tr>
        ))
      )}
    </Table>
  );
}

const labelled = (rows: { key: string; count: number }[], label: (key: string) => string = (key) => key): Counted[] =>
  rows.map(({ key, count }) => ({ label: label(key), count }));

/** Every table of the report, in the order managers read it: what came in, where, how fast, what it cost, why, and who keeps coming back. */
export function ReportTables({ report, locale }: { report: MonthlyReport; locale: Locale }) {
  const { t } = useTranslation();
  const hours = RESOLUTION_TARGET_HOURS;
  const number = (count: number) => <td className="report-table__number">{formatCount(count, locale)}</td>;
  return (
    <>
      <section className="report-section">
        <div className="report-grid">
          <CountTable caption={t('reports.byCategory')} heading={t('reports.category')} rows={labelled(report.byCategory, (key) => t(`category.${key}`))} whole={report.cases} locale={locale} />
          <CountTable caption={t('reports.byChannel')} heading={t('reports.channel')} rows={labelled(report.byChannel, (key) => t(`channel.${key}`))} whole={report.cases} locale={locale} />
          <CountTable caption={t('reports.bySeverity')} heading={t('reports.severity')} rows={labelled(report.bySeverity, (key) => t(`severity.${key}`))} whole={report.cases} locale={locale} />
        </div>
      </section>

      <section className="report-section" aria-labelledby="report-hot-spots">
        <h3 id="report-hot-spots">{t('reports.hotSpots.title', { top: REPORT_TOP })}</h3>
        <div className="report-grid">
          {(['origins', 'destinations', 'locations'] as const).map((kind) => (
            <CountTable key={kind} caption={t(`reports.hotSpots.${kind}`)} heading={t(`reports.hotSpots.${kind}`)} rows={labelled(report.hotSpots[kind])} whole={report.cases} locale={locale} />
          ))}
        </div>
      </section>

      <section className="report-section report-grid">
        <Table caption={t('reports.resolution.caption', { hours })} head={[t('reports.resolution.withinTarget'), t('reports.resolution.judged', { hours }), t('reports.table.share')]}>
          <tr>
            {number(report.resolution.withinTarget)}
            {number(report.resolution.judged)}
            <ShareCell share={report.resolution.share} locale={locale} />
          </tr>
        </Table>
        <Table
          caption={t('reports.columnTimes.caption')}
          head={[t('reports.columnTimes.column'), t('reports.columnTimes.average'), t('reports.columnTimes.stays'), t('reports.columnTimes.stillThere')]}
        >
          {report.columnTimes.map(({ column, averageHours, stays, stillThere }) => (
            <tr key={column}>
              <th scope="row">{t(`column.${column}`)}</th>
              <td className="report-table__number">{averageHours === null ? '–' : formatDuration(averageHours * 3_600_000, locale)}</td>
              {number(stays)}
              {number(stillThere)}
            </tr>
          ))}
        </Table>
      </section>

      <section className="report-section report-grid">
        <Table
          caption={t('reports.compensation.caption')}
          head={[t('reports.category'), t('reports.compensation.cases'), t('reports.compensation.amount')]}
          foot={
            <tr>
              <th scope="row">{t('reports.compensation.total')}</th>
              {number(report.compensation.cases)}
              <td className="report-table__number">{formatYuan(report.compensation.amount, locale)}</td>
            </tr>
          }
        >
          {report.compensation.byCategory.map(({ category, cases, amount }) => (
            <tr key={category}>
              <th scope="row">{t(`category.${category}`)}</th>
              {number(cases)}
              <td className="report-table__number">{formatYuan(amount, locale)}</td>
            </tr>
          ))}
        </Table>
        <Table
          caption={t('reports.satisfaction.caption')}
          head={[t('reports.satisfaction.calls'), t('reports.satisfaction.satisfied'), t('reports.satisfaction.share'), t('reports.satisfaction.averageScore')]}
        >
          <tr>
            {number(report.satisfaction.calls)}
            {number(report.satisfaction.satisfied)}
            <ShareCell share={report.satisfaction.share} locale={locale} />
            <td className="report-table__number">
              {report.satisfaction.averageScore === null
                ? '–'
                : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(report.satisfaction.averageScore)}
            </td>
          </tr>
        </Table>
      </section>

      <section className="report-section report-grid">
        <CountTable
          caption={t('reports.rootCauses.caption', { count: report.rootCauses.recorded })}
          heading={t('reports.rootCauses.source')}
          rows={labelled(report.rootCauses.bySource, (key) => t(`rootCause.${key}`))}
          whole={report.rootCauses.recorded}
          locale={locale}
        />
        <CountTable
          caption={t('reports.rootCauses.parties', { top: REPORT_TOP })}
          heading={t('reports.rootCauses.party')}
          rows={labelled(report.rootCauses.responsibleParties)}
          whole={report.rootCauses.recorded}
          locale={locale}
        />
        <Table caption={t('reports.overdue.caption')} head={[t('reports.overdue.item'), t('reports.table.count')]}>
          {(
            [
              [t('reports.overdue.breached'), report.overdue.breached],
              [t('reports.overdue.resolvedLate'), report.overdue.resolvedLate],
              [t('channel.management'), report.overdue.escalatedByManagement],
              [t('channel.regulator'), report.overdue.fromRegulator],
            ] as const
          ).map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {number(count)}
            </tr>
          ))}
        </Table>
      </section>

      <section className="report-section">
        <Table
          caption={t('reports.repeat.caption', { customers: report.repeatComplainers.customers, cases: report.repeatComplainers.cases, top: REPORT_TOP })}
          head={[t('reports.repeat.customer'), t('reports.repeat.company'), t('reports.repeat.phone'), t('reports.repeat.cases'), t('reports.repeat.allCases')]}
        >
          {report.repeatComplainers.top.map((customer) => (
            <tr key={customer.customerId}>
              <th scope="row">{customer.name}</th>
              <td>{customer.company ?? '–'}</td>
              <td className="report-table__number">{customer.phone}</td>
              {number(customer.cases)}
              {number(customer.allCases)}
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}
