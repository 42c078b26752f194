import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@app/shared';
import { ChangePasswordDialog } from '../users/PasswordDialog.js';
import { useSession } from './use-session.js';
import './auth.css';

/** Who is signed in, with their own password and the way out. */
export function UserMenu({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const { logOut } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">{t('auth.signedInAs')}</span>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role">{t(`role.${user.role}`)}</span>
      </p>
      <button type="button" className="user-menu__button" onClick={() => setChangingPassword(true)}>
        {t('users.password.changeTitle')}
      </button>
      <button type="button" className="user-menu__button" onClick={() => void logOut()}>
        {t('auth.logout')}
      </button>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </div>
  );
}
