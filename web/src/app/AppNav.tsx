import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { mayReadReports, mayWatchEscalations, type UserSummary } from '@app/shared';
import { ESCALATIONS_PATH } from '../features/escalations/escalations-route.js';
import { REPORTS_PATH } from '../features/reports/reports-route.js';
import { mayChangeSettings, SETTINGS_PATH } from '../features/settings/settings-route.js';
import { mayManageUsers, USERS_PATH } from '../features/users/users-route.js';

/**
 * The header's way between the board and the screens the user's role may open; the server
 * enforces each, this only leaves out links that would lead to a refusal. A role that has only
 * the board gets no navigation at all.
 */
export function AppNav({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const screens = [
    { path: ESCALATIONS_PATH, label: t('escalations.title'), shown: mayWatchEscalations(user.role) },
    { path: REPORTS_PATH, label: t('reports.title'), shown: mayReadReports(user.role) },
    { path: SETTINGS_PATH, label: t('settings.title'), shown: mayChangeSettings(user.role) },
    { path: USERS_PATH, label: t('users.title'), shown: mayManageUsers(user.role) },
  ].filter((screen) => screen.shown);
  if (screens.length === 0) return null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <NavLink to="/" end>
        {t('nav.board')}
      </NavLink>
      {screens.map((screen) => (
        <NavLink key={screen.path} to={screen.path}>
          {screen.label}
        </NavLink>
      ))}
    </nav>
  );
}
