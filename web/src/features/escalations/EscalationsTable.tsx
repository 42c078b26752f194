import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { slaStatus, type Department, type EscalatedCase, type SlaPolicy } from '@app/shared';
import { formatDateTime, formatDuration } from '../board/format.js';
import { asLocale } from '../case-drawer/format.js';
import type { OpenedFromEscalations } from './escalations-route.js';

interface EscalationsTableProps {
  cases: readonly EscalatedCase[];
  policy: SlaPolicy;
  /** The clock the countdowns read; the page ticks it. */
  now: number;
  /** The view narrowed to one department, for the caption. */
  department?: Department;
  /** Where the case drawer goes back to: this view with its filter. */
  returnTo: string;
}

/** The escalated cases as the server ordered them, each row counting down (or up, once overdue) with the shared SLA clock. */
export function EscalationsTable({ cases, policy, now, department, returnTo }: EscalationsTableProps) {
  const { t } = useTranslation();
  if (cases.length === 0) return <p className="escalations__empty">{t('escalations.table.empty')}</p>;
  return (
    <div className="escalations__scroll">
      <table className="escalations-table">
        <caption>
          {department
            ? t('escalations.table.captionDepartment', { department: t(`department.${department}`), count: cases.length })
            : t('escalations.table.caption', { count: cases.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('escalations.table.number')}</th>
            <th scope="col">{t('escalations.table.title')}</th>
            <th scope="col">{t('escalations.table.customer')}</th>
            <th scope="col">{t('escalations.table.severity')}</th>
            <th scope="col">{t('escalations.table.department')}</th>
            <th scope="col">{t('escalations.table.owner')}</th>
            <th scope="col">{t('escalations.table.column')}</th>
            <th scope="col">{t('escalations.table.sla')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((escalated) => (
            <EscalationRow key={escalated.id} escalated={escalated} policy={policy} now={now} returnTo={returnTo} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EscalationRow({ escalated, policy, now, returnTo }: { escalated: EscalatedCase; policy: SlaPolicy; now: number; returnTo: string }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const navigate = useNavigate();
  const status = slaStatus(escalated, policy, now);
  const opened: OpenedFromEscalations = { returnTo };
  const path = `/cases/${escalated.number}`;
  // The whole row is a target for the mouse; the keyboard reaches the case by the link in its first cell.
  const openFromRow = (event: MouseEvent) => {
    if ((event.target as Element).closest('a')) return;
    navigate(path, { state: opened });
  };
  return (
    <tr className={`escalations-table__row escalations-table__row--${escalated.severity}`} data-sla={status.state} onClick={openFromRow}>
      <th scope="row">
        <Link to={path} state={opened}>
          {escalated.number}
        </Link>
      </th>
      <td className="escalations-table__title">{escalated.title}</td>
      <td>{escalated.customerName}</td>
      <td>
        <span className={`severity-badge severity-badge--${escalated.severity}`}>{t(`severity.${escalated.severity}`)}</span>
      </td>
      <td>{t(`department.${escalated.owningDepartment}`)}</td>
      <td>{escalated.ownerName ?? <span className="escalations-table__none">{t('escalations.table.unassigned')}</span>}</td>
      <td>{t(`column.${escalated.column}`)}</td>
      <td>
        <span className="escalations-table__sla" data-sla={status.state}>
          <strong>{t(`slaState.${status.state}`)}</strong>{' '}
          {status.activeDueAt && status.remainingMs !== null && (
            <time dateTime={status.activeDueAt.toISOString()} title={t('escalations.sla.due', { at: formatDateTime(status.activeDueAt, locale) })}>
              {t(`escalations.sla.${status.remainingMs <= 0 ? 'overdue' : 'left'}_${escalated.firstRespondedAt === null ? 'firstResponse' : 'resolution'}`, {
                time: formatDuration(status.remainingMs, locale),
              })}
            </time>
          )}
        </span>
      </td>
    </tr>
  );
}
