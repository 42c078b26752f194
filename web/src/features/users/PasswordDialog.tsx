import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeOwnPasswordInputSchema, resetPasswordInputSchema, type UserAccount } from '@app/shared';
import { FormFooter, NewPasswordField, SmallDialog, TextField } from './dialog-parts.js';
import { changeOwnPassword, resetPassword } from './users-api.js';
import { useValidatedForm } from './use-validated-form.js';

/** After the change, the dialog says what became of the sessions and offers only Close. */
function Done({ message, onClose }: { message: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status">{message}</p>
      <div className="small-dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('users.password.close')}
        </button>
      </div>
    </>
  );
}

/** 修改密码: the signed-in user's own, the current one first. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useValidatedForm(changeOwnPasswordInputSchema, { currentPassword: '', newPassword: '' }, async (input) => {
    await changeOwnPassword(input);
    setDone(true);
  });
  return (
    <SmallDialog id="change-password" title={t('users.password.changeTitle')} onClose={onClose}>
      {done ? (
        <Done message={t('users.password.changed')} onClose={onClose} />
      ) : (
        <form noValidate onSubmit={form.submit}>
          <TextField form={form} field="currentPassword" type="password" label={t('users.password.current')} autoComplete="current-password" />
          <NewPasswordField form={form} field="newPassword" label={t('users.password.new')} />
          <FormFooter form={form} submitLabel={t('users.password.submit')} onCancel={onClose} />
        </form>
      )}
    </SmallDialog>
  );
}

/** An admin's reset of someone's forgotten password. */
export function ResetPasswordDialog({ account, onClose }: { account: UserAccount; onClose(): void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useValidatedForm(resetPasswordInputSchema, { password: '' }, async (input) => {
    await resetPassword(account.id, input);
    setDone(true);
  });
  return (
    <SmallDialog id="reset-password" title={t('users.password.resetTitle', { name: account.displayName })} onClose={onClose}>
      {done ? (
        <Done message={t('users.password.reset')} onClose={onClose} />
      ) : (
        <form noValidate onSubmit={form.submit}>
          <NewPasswordField form={form} field="password" label={t('users.password.new')} />
          <FormFooter form={form} submitLabel={t('users.password.submit')} onCancel={onClose} />
        </form>
      )}
    </SmallDialog>
  );
}
