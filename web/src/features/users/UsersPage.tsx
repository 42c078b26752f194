import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '@app/shared';
import { useFetched } from '../../app/use-fetched.js';
import { useCurrentUser } from '../auth/use-session.js';
import { asLocale, errorText } from '../case-drawer/format.js';
import { ResetPasswordDialog } from './PasswordDialog.js';
import { UserDialog } from './UserDialog.js';
import { fetchAllUsers, updateUser } from './users-api.js';
import { mayManageUsers } from './users-route.js';
import './users.css';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; account: UserAccount } | { kind: 'password'; account: UserAccount } | null;

/** `/users` (用户管理): the admin's list of every account, with add, edit, (de)activate and password reset. */
export function UsersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="users" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      {mayManageUsers(user.role) ? <UserManagement adminId={user.id} /> : <p className="users__refused">{t('users.noPermission')}</p>}
    </section>
  );
}

function UserManagement({ adminId }: { adminId: string }) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const users = useFetched('users', fetchAllUsers);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [actionFailure, setActionFailure] = useState<string | null>(null);
  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    users.refetch();
  };
  const setActive = (account: UserAccount, active: boolean) => {
    setActionFailure(null);
    updateUser(account.id, { active }).then(users.refetch, (error: unknown) =>
      setActionFailure(t('users.actionFailed', { message: errorText(error, locale, String(error)) })),
    );
  };

  return (
    <>
      <p className="users__intro">{t('users.intro')}</p>
      <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'add' })}>
        {t('users.add')}
      </button>
      <p role="alert" className="field__error">
        {actionFailure}
      </p>
      {users.error !== null && <p role="alert">{t('users.loadFailed', { message: errorText(users.error, locale, String(users.error)) })}</p>}
      {users.data === null ? (
        users.loading && <p role="status">{t('users.loading')}</p>
      ) : (
        <table className="users-table">
          <caption>{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.column.name')}</th>
              <th scope="col">{t('users.column.username')}</th>
              <th scope="col">{t('users.column.role')}</th>
              <th scope="col">{t('users.column.department')}</th>
              <th scope="col">{t('users.column.status')}</th>
              <th scope="col">{t('users.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((account) => {
              const own = account.id === adminId;
              // Visible text stays short; screen readers hear whose row each button acts on.
              const whose = <span className="visually-hidden">{account.displayName}</span>;
              return (
                <tr key={account.id} className={account.active ? undefined : 'users-table__inactive'}>
                  <th scope="row">
                    {account.displayName}
                    {own && t('users.you')}
                  </th>
                  <td>{account.username}</td>
                  <td>{t(`role.${account.role}`)}</td>
                  <td>{t(`department.${account.department}`)}</td>
                  <td>{account.active ? t('users.active') : t('users.inactive')}</td>
                  <td>
                    <div className="users-table__actions">
                      <button type="button" className="button" onClick={() => setDialog({ kind: 'edit', account })}>
                        {t('users.edit')} {whose}
                      </button>
                      <button type="button" className="button" onClick={() => setDialog({ kind: 'password', account })}>
                        {t('users.resetPassword')} {whose}
                      </button>
                      {!own && (
                        <button type="button" className="button" onClick={() => setActive(account, !account.active)}>
                          {account.active ? t('users.deactivate') : t('users.reactivate')} {whose}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <UserDialog account={dialog.kind === 'edit' ? dialog.account : undefined} adminId={adminId} onSaved={saved} onClose={close} />
      )}
      {dialog?.kind === 'password' && <ResetPasswordDialog account={dialog.account} onClose={close} />}
    </>
  );
}
