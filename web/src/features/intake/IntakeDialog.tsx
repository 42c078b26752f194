import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { INTAKE_ROLES } from '@app/shared';
import { useCurrentUser } from '../auth/use-session.js';
import { ModalDialog } from '../case-drawer/ModalDialog.js';
import { firstIntakeField, IntakeForm } from './IntakeForm.js';
import './intake.css';

const TITLE_ID = 'intake-dialog-title';

/** `/intake`: the intake form over the board. A new case opens in the drawer, where it now sits in Intake. */
export function IntakeDialog() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const user = useCurrentUser();
  if (!INTAKE_ROLES.includes(user.role)) return <Navigate to={{ pathname: '/', search }} replace />;
  const close = () => navigate({ pathname: '/', search });
  return (
    <ModalDialog labelledBy={TITLE_ID} className="case-drawer intake-dialog" onClose={close} initialFocus={firstIntakeField}>
      <header className="case-drawer__header">
        <h2 id={TITLE_ID}>{t('intake.title')}</h2>
        <button type="button" className="button" onClick={close}>
          {t('caseDrawer.close')}
        </button>
      </header>
      <IntakeForm onCreated={(created) => navigate({ pathname: `/cases/${created.number}`, search })} onCancel={close} />
    </ModalDialog>
  );
}
