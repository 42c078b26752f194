import { useTranslation } from 'react-i18next';
import { RESOLUTION_TARGET_HOURS, RESOLUTION_TARGET_SHARE, SATISFACTION_TARGET_SHARE, type Locale, type MonthlyReport } from '@app/shared';
import { formatCount, formatShare, formatYuan } from './report-format.js';

/** A rate against its target, the verdict in words as well as in colour. */
function Rate({ label, share, target, locale }: { label: string; share: number | null; target: number; locale: Locale }) {
  const { t } = useTranslation();
  const verdict = share === null ? null : share >= target ? 'met' : 'missed';
  return (
    <div className="report-key__figure" data-verdict={verdict ?? undefined}>
      <dt>{label}</dt>
      <dd className="report-key__value">{share === null ? t('reports.key.noData') : formatShare(share, locale)}</dd>
      <dd className="report-key__note">
        {t('reports.key.target', { target: formatShare(target, locale) })}
        {verdict && ` · ${t(`reports.key.${verdict}`)}`}
      </dd>
    </div>
  );
}

/** The four figures a manager reads first. */
export function ReportKeyFigures({ report, locale }: { report: MonthlyReport; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section className="report-key" aria-labelledby="report-key-title">
      <h3 id="report-key-title">{t('reports.key.label')}</h3>
      <dl>
        <div className="report-key__figure">
          <dt>{t('reports.key.cases')}</dt>
          <dd className="report-key__value">{t('reports.key.casesValue', { formatted: formatCount(report.cases, locale) })}</dd>
        </div>
        <Rate label={t('reports.key.resolved', { hours: RESOLUTION_TARGET_HOURS })} share={report.resolution.share} target={RESOLUTION_TARGET_SHARE} locale={locale} />
        <Rate label={t('reports.key.satisfaction')} share={report.satisfaction.share} target={SATISFACTION_TARGET_SHARE} locale={locale} />
        <div className="report-key__figure">
          <dt>{t('reports.key.compensation')}</dt>
          <dd className="report-key__value">{formatYuan(report.compensation.amount, locale)}</dd>
          <dd className="report-key__note">{t('reports.key.compensationCases', { formatted: formatCount(report.compensation.cases, locale) })}</dd>
        </div>
      </dl>
    </section>
  );
}
