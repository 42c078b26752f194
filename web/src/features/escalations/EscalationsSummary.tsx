import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Department, DepartmentEscalations } from '@app/shared';
import { ESCALATIONS_PATH } from './escalations-route.js';

/** Each department's counts, and the way to narrow the list to it; the whole company always shows. */
export function EscalationsSummary({ departments, selected }: { departments: readonly DepartmentEscalations[]; selected?: Department }) {
  const { t } = useTranslation();
  const total = departments.reduce(
    (sum, counts) => ({ breached: sum.breached + counts.breached, warning: sum.warning + counts.warning, serious: sum.serious + counts.serious }),
    { breached: 0, warning: 0, serious: 0 },
  );
  // A department asked for by link keeps its place in the strip when it has nothing escalated.
  const shown = selected && !departments.some((counts) => counts.department === selected)
    ? [...departments, { department: selected, breached: 0, warning: 0, serious: 0 }]
    : departments;
  return (
    <nav className="escalations-summary" aria-label={t('escalations.summary.label')}>
      <ul>
        <SummaryEntry to={ESCALATIONS_PATH} current={selected === undefined} name={t('escalations.summary.all')} counts={total} />
        {shown.map((counts) => (
          <SummaryEntry
            key={counts.department}
            to={`${ESCALATIONS_PATH}?department=${counts.department}`}
            current={selected === counts.department}
            name={t(`department.${counts.department}`)}
            counts={counts}
          />
        ))}
      </ul>
    </nav>
  );
}

function SummaryEntry({ to, current, name, counts }: { to: string; current: boolean; name: string; counts: Omit<DepartmentEscalations, 'department'> }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined} className="escalations-summary__entry">
        <span className="escalations-summary__name">{name}</span>{' '}
        <span className="escalations-summary__count" data-kind="breached" data-zero={counts.breached === 0}>
          {t('escalations.summary.breached', { count: counts.breached })}
        </span>{' '}
        <span className="escalations-summary__count" data-kind="warning" data-zero={counts.warning === 0}>
          {t('escalations.summary.warning', { count: counts.warning })}
        </span>{' '}
        <span className="escalations-summary__count" data-kind="serious" data-zero={counts.serious === 0}>
          {t('escalations.summary.serious', { count: counts.serious })}
        </span>
      </Link>
    </li>
  );
}
