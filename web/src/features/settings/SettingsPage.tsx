import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/use-session.js';
import { ApprovalPolicyForm } from './ApprovalPolicyForm.js';
import { mayChangeSettings } from './settings-route.js';
import { SlaPolicyForm } from './SlaPolicyForm.js';
import './settings.css';

/** `/settings` (系统设置): the admin's approval authority and SLA policy; anyone else reads why they cannot. */
export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {mayChangeSettings(user.role) ? (
        <>
          <p className="settings__intro">{t('settings.intro')}</p>
          <ApprovalPolicyForm />
          <SlaPolicyForm />
        </>
      ) : (
        <p className="settings__refused">{t('settings.noPermission')}</p>
      )}
    </section>
  );
}
