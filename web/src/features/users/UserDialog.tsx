import { useTranslation } from 'react-i18next';
import {
  createUserInputSchema,
  DEPARTMENTS,
  MIN_PASSWORD_LENGTH,
  ROLES,
  updateUserInputSchema,
  type Department,
  type Role,
  type UserAccount,
} from '@app/shared';
import { FormFooter, NewPasswordField, SmallDialog, TextField } from './dialog-parts.js';
import { createUser, updateUser } from './users-api.js';
import { useValidatedForm, type ValidatedForm } from './use-validated-form.js';

interface UserDialogProps {
  /** The account to edit; a new one when absent. */
  account?: UserAccount;
  /** The signed-in admin, who may not take the admin role from themselves. */
  adminId: string;
  onSaved(): void;
  onClose(): void;
}

/** Add a user (username and initial password included) or change one's name, role and department. */
export function UserDialog({ account, adminId, onSaved, onClose }: UserDialogProps) {
  return account ? (
    <EditUser account={account} ownAccount={account.id === adminId} onSaved={onSaved} onClose={onClose} />
  ) : (
    <AddUser onSaved={onSaved} onClose={onClose} />
  );
}

function AddUser({ onSaved, onClose }: Pick<UserDialogProps, 'onSaved' | 'onClose'>) {
  const { t } = useTranslation();
  const form = useValidatedForm(
    createUserInputSchema,
    { username: '', displayName: '', role: 'cs_agent' as Role, department: 'customer_service' as Department, password: '' },
    async (input) => {
      await createUser(input);
      onSaved();
    },
  );
  return (
    <SmallDialog id="add-user" title={t('users.form.addTitle')} onClose={onClose}>
      <form noValidate onSubmit={form.submit}>
        <TextField form={form} field="displayName" label={t('users.form.displayName')} autoComplete="off" />
        <TextField form={form} field="username" label={t('users.form.username')} hint={t('users.form.usernameHint')} autoComplete="off" />
        <RoleAndDepartment form={form} />
        <NewPasswordField form={form} field="password" label={t('users.form.password')} hint={t('users.form.passwordHint', { min: MIN_PASSWORD_LENGTH })} />
        <FormFooter form={form} submitLabel={t('users.form.save')} onCancel={onClose} />
      </form>
    </SmallDialog>
  );
}

function EditUser({ account, ownAccount, onSaved, onClose }: { account: UserAccount; ownAccount: boolean } & Pick<UserDialogProps, 'onSaved' | 'onClose'>) {
  const { t } = useTranslation();
  const form = useValidatedForm(
    updateUserInputSchema,
    { displayName: account.displayName, role: account.role, department: account.department },
    async (changes) => {
      await updateUser(account.id, changes);
      onSaved();
    },
  );
  return (
    <SmallDialog id="edit-user" title={t('users.form.editTitle', { name: account.displayName })} onClose={onClose}>
      <form noValidate onSubmit={form.submit}>
        <TextField form={form} field="displayName" label={t('users.form.displayName')} autoComplete="off" />
        <RoleAndDepartment form={form} roleLocked={ownAccount} />
        <FormFooter form={form} submitLabel={t('users.form.save')} onCancel={onClose} />
      </form>
    </SmallDialog>
  );
}

function RoleAndDepartment<Values extends { role: Role; department: Department }>({ form, roleLocked = false }: { form: ValidatedForm<Values>; roleLocked?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="user-field-role">{t('users.form.role')}</label>
        <select
          id="user-field-role"
          value={form.values.role}
          disabled={roleLocked}
          aria-describedby={roleLocked ? 'user-field-role-hint' : undefined}
          onChange={(event) => form.set('role', event.target.value as Values['role'])}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        {roleLocked && (
          <span id="user-field-role-hint" className="field__hint">
            {t('users.form.ownRole')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="user-field-department">{t('users.form.department')}</label>
        <select id="user-field-department" value={form.values.department} onChange={(event) => form.set('department', event.target.value as Values['department'])}>
          {DEPARTMENTS.map((department) => (
            <option key={department} value={department}>
              {t(`department.${department}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
