import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { mayWatchEscalations, type UserSummary } from '@app/shared';
import { ESCALATIONS_PATH } from './escalations-route.js';
import './escalations.css';

/** The header's way between the board and the escalation view, shown only to those the server lets in. */
export function EscalationsNav({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (!mayWatchEscalations(user.role)) return null;
  return (
    <nav className="app-nav" aria-label={t('escalations.nav.label')}>
      <NavLink to="/" end>
        {t('escalations.nav.board')}
      </NavLink>
      <NavLink to={ESCALATIONS_PATH}>{t('escalations.nav.escalations')}</NavLink>
    </nav>
  );
}
