import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asLocale, formatMoney } from '../case-drawer/format.js';
import type { SettingProblem } from './settings-validation.js';
import type { SettingForm } from './use-setting-form.js';

/** A field's problem, in words, under the id its input names in aria-describedby. */
export function ProblemNote({ id, problem }: { id: string; problem: SettingProblem | undefined }) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const max = problem.key === 'amountTooLarge' ? formatMoney(problem.max ?? 0, asLocale(i18n.language)) : problem.max;
  return (
    <span id={id} className="field__error">
      {t(`settings.validation.${problem.key}`, { max })}
    </span>
  );
}

/** The ARIA attributes that tie an input to its problem. */
export function problemAttributes(errorId: string, problem: SettingProblem | undefined) {
  return problem ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
}

interface SettingFormFrameProps {
  id: 'approval' | 'sla';
  form: Omit<SettingForm<unknown>, 'edit'>;
  children: ReactNode;
}

/**
 * What both settings forms share around their inputs: loading, the server's refusal, a
 * colleague's save in between, Save (only once something changed), reset to defaults and a
 * status line that screen readers announce.
 */
export function SettingFormFrame({ id, form, children }: SettingFormFrameProps) {
  const { t } = useTranslation();
  const headingId = `settings-${id}-heading`;
  const formProblem = form.problems[''];

  let body: ReactNode;
  if (form.loadError !== null) {
    body = (
      <p role="alert" className="form-error">
        {t('settings.loadFailed', { message: form.loadError })}{' '}
        <button type="button" className="button" onClick={form.reload}>
          {t('app.retry')}
        </button>
      </p>
    );
  } else if (form.raw === null) {
    body = <p role="status">{t('settings.loading')}</p>;
  } else {
    body = (
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}
      >
        {children}
        {formProblem && (
          <p className="form-error" role="alert">
            <ProblemNote id={`settings-${id}-problem`} problem={formProblem} />
          </p>
        )}
        {form.conflict && (
          <div className="settings-conflict" role="alert">
            <p>{t('settings.form.conflict')}</p>
            <button type="button" className="button" onClick={form.discard}>
              {t('settings.form.takeTheirs')}
            </button>
          </div>
        )}
        {form.failure && (
          <p className="form-error" role="alert">
            {form.failure}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!form.dirty || form.saving}>
            {form.saving ? t('settings.form.saving') : t('settings.form.save')}
          </button>
          <button type="button" className="button" onClick={form.resetToDefaults}>
            {t('settings.form.reset')}
          </button>
          {form.dirty && !form.conflict && (
            <button type="button" className="button" onClick={form.discard}>
              {t('settings.form.discard')}
            </button>
          )}
          <span className="form-status" role="status">
            {form.status}
          </span>
        </div>
      </form>
    );
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`settings.${id}.title`)}</h3>
      <p className="settings-section__intro">{t(`settings.${id}.intro`)}</p>
      {body}
    </section>
  );
}
