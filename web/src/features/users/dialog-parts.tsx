import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@app/shared';
import { ModalDialog } from '../case-drawer/ModalDialog.js';
import type { ValidatedForm } from './use-validated-form.js';
import '../case-drawer/case-drawer.css';
import './users.css';

/** A small centred dialog with a heading; Escape and the backdrop close it. */
export function SmallDialog({ id, title, onClose, children }: { id: string; title: string; onClose(): void; children: ReactNode }) {
  return (
    <ModalDialog labelledBy={`${id}-title`} className="small-dialog" onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </ModalDialog>
  );
}

interface TextFieldProps<Values> {
  form: ValidatedForm<Values>;
  field: keyof Values & string;
  label: string;
  hint?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
}

/** A labelled input bound to one field, its hint and problem tied to it for screen readers. */
export function TextField<Values extends Record<string, unknown>>({ form, field, label, hint, type = 'text', autoComplete }: TextFieldProps<Values>) {
  const { t } = useTranslation();
  const id = `user-field-${field}`;
  const problem = form.problemOf(field);
  const describedBy = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        value={String(form.values[field] ?? '')}
        onChange={(event) => form.set(field, event.target.value as Values[typeof field])}
        onBlur={() => form.touch(field)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field__error">
          {t(`users.validation.${problem}`, { min: MIN_PASSWORD_LENGTH })}
        </span>
      )}
    </div>
  );
}

/** A password being set, with its minimum length said up front. */
export function NewPasswordField<Values extends Record<string, unknown>>({ form, field, label, hint }: Omit<TextFieldProps<Values>, 'type' | 'autoComplete'>) {
  const { t } = useTranslation();
  return (
    <TextField
      form={form}
      field={field}
      type="password"
      label={label}
      hint={hint ?? t('users.password.hint', { min: MIN_PASSWORD_LENGTH })}
      autoComplete="new-password"
    />
  );
}

/** The server's refusal, then Cancel and the submit button. */
export function FormFooter<Values>({ form, submitLabel, onCancel }: { form: ValidatedForm<Values>; submitLabel: string; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="alert" className="field__error">
        {form.failure}
      </p>
      <div className="small-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('users.form.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={form.saving}>
          {form.saving ? t('users.form.saving') : submitLabel}
        </button>
      </div>
    </>
  );
}
