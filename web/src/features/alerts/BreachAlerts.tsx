import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, type Location } from 'react-router';
import { mayWatchEscalations, type UserSummary } from '@app/shared';
import { STAYS_LIVE_UNDER_DIALOGS } from '../case-drawer/ModalDialog.js';
import { ESCALATIONS_PATH, type OpenedFromEscalations } from '../escalations/escalations-route.js';
import { useBreachAlerts, type BreachAlert } from './use-breach-alerts.js';
import './alerts.css';

/** More than this and the stack would cover the screen: the rest are counted, and all are on the escalation view. */
export const MAX_ALERTS_SHOWN = 3;

/**
 * The screen the user is on, for the case drawer to close back to: the one under a dialog that
 * is open (a drawer, the intake), or the current one.
 */
function screenUnder(location: Location): string {
  const underDialog = location.pathname.startsWith('/cases/') || location.pathname === '/intake';
  if (!underDialog) return location.pathname + location.search;
  return (location.state as Partial<OpenedFromEscalations> | null)?.returnTo ?? `/${location.search}`;
}

/**
 * Breach alerts for those who watch escalations, on whatever screen they are: a stack in a
 * corner that never takes focus, read out by screen readers as alerts arrive, each one leading
 * to its case and dismissed on request.
 */
export function BreachAlerts({ user }: { user: UserSummary }) {
  return mayWatchEscalations(user.role) ? <BreachAlertStack /> : null;
}

function BreachAlertStack() {
  const { t } = useTranslation();
  const location = useLocation();
  const { alerts, dismiss, dismissAll } = useBreachAlerts();
  const shown = alerts.slice(0, MAX_ALERTS_SHOWN);
  const opened: OpenedFromEscalations = { returnTo: screenUnder(location) };

  // Straight under <body> and marked, so that an open case drawer does not make it inert: heads
  // spend much of the day in the drawer, and a breach must still be seen, heard and followed.
  return createPortal(
    <div className="breach-alerts" {...{ [STAYS_LIVE_UNDER_DIALOGS]: '' }}>
      {/* Always there, so that the first alert is an addition a screen reader announces. */}
      <ol className="breach-alerts__list" aria-label={t('alerts.label')} aria-live="polite">
        {shown.map((alert) => (
          <li key={alert.seq} className="breach-alert">
            <p className="breach-alert__what">{t(`alerts.breached_${alert.deadline}`)}</p>
            <Link className="breach-alert__case" to={`/cases/${alert.number ?? alert.caseId}`} state={opened}>
              {caseLabel(alert) ?? t('alerts.unknownCase')}
            </Link>
            <button type="button" className="breach-alert__dismiss" aria-label={`${t('alerts.dismiss')} ${alert.number ?? ''}`.trim()} onClick={() => dismiss(alert.seq)}>
              ×
            </button>
          </li>
        ))}
      </ol>
      {alerts.length > 1 && (
        <p className="breach-alerts__footer">
          {alerts.length > shown.length && (
            <>
              {t('alerts.more', { count: alerts.length - shown.length })} <Link to={ESCALATIONS_PATH}>{t('alerts.escalations')}</Link>
            </>
          )}
          <button type="button" onClick={dismissAll}>
            {t('alerts.dismissAll')}
          </button>
        </p>
      )}
    </div>,
    document.body,
  );
}

function caseLabel({ number, title }: BreachAlert): string | null {
  return number === null ? null : `${number} ${title ?? ''}`.trim();
}
