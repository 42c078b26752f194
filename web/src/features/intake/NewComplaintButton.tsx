import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { INTAKE_ROLES } from '@app/shared';
import { useCurrentUser } from '../auth/use-session.js';

/** "新建投诉" in the header, only for the roles that take complaints in. */
export function NewComplaintButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const user = useCurrentUser();
  if (!INTAKE_ROLES.includes(user.role)) return null;
  return (
    <button type="button" className="button button--primary new-complaint" onClick={() => navigate({ pathname: '/intake', search })}>
      {t('intake.open')}
    </button>
  );
}
