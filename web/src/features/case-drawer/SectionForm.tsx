import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditSection, SECTION_RULES, type CaseDetail, type UserSummary } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { useCurrentUser } from '../auth/use-session.js';
import { patchCase } from './case-drawer-api.js';
import { buildEdit, fromRaw, rawValues, sameRaw, valueAt, type DrawerForm, type RawValue, type RawValues } from './case-fields.js';
import type { CaseLive } from './case-live.js';
import { FieldControl, fieldControlId } from './FieldControl.js';
import { formatFieldValue, type FormatContext } from './field-format.js';
import { validateEdit } from './field-validation.js';
import { asLocale, errorText } from './format.js';

interface FieldPresenceHandlers {
  onFocus(field: string): void;
  onBlur(field: string): void;
}

interface SectionFormProps {
  form: DrawerForm;
  detail: CaseDetail;
  users: readonly UserSummary[];
  live: CaseLive;
  fieldPresence: FieldPresenceHandlers;
  /** Every case the server hands back (after a save, or the colleague's version on a conflict). */
  onCase(detail: CaseDetail): void;
}

/** What the user has typed, over the values the case had when they started typing. */
interface Draft {
  base: RawValues;
  values: RawValues;
}

/**
 * One part of the case: a form when the signed-in role may change it in the case's column, a
 * read-only list otherwise. Saves send only the changed fields with the version the form was
 * filled against; on a conflict the colleague's values are shown next to the user's own.
 */
export function SectionForm({ form, detail, users, live, fieldPresence, onCase }: SectionFormProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const locale = asLocale(i18n.language);
  const formatContext: FormatContext = { t, locale, users };
  const headingId = `form-${form.id}-heading`;
  const editable = canEditSection(user.role, form.section, detail.column);

  const [draft, setDraft] = useState<Draft | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const fromCase = rawValues(form.fields, detail);
  const base = draft?.base ?? fromCase;
  const values = draft?.values ?? fromCase;
  const changed = form.fields.filter((spec) => !sameRaw(values[spec.path], base[spec.path]));
  const problems = validateEdit(form.fields, values);

  if (!editable.ok) {
    const why =
      editable.reason === 'ROLE_NOT_ALLOWED'
        ? t('caseDrawer.readOnly.role')
        : t('caseDrawer.readOnly.column', {
            columns: SECTION_RULES[form.section].columns.map((column) => t(`column.${column}`)).join('、'),
          });
    return (
      <section className="drawer-section drawer-section--read-only" aria-labelledby={headingId}>
        <h3 id={headingId}>{t(`caseDrawer.form.${form.id}`)}</h3>
        <p className="drawer-section__hint">{why}</p>
        <dl className="drawer-facts">
          {form.fields.map((spec) => (
            <div key={spec.path} className="drawer-facts__row">
              <dt>{t(`caseDrawer.field.${spec.path}`)}</dt>
              <dd>{formatFieldValue(spec, valueAt(detail, spec.path), formatContext)}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const change = (path: string, value: RawValue) => {
    setStatus('');
    setDraft((current) => ({ base: current?.base ?? fromCase, values: { ...(current?.values ?? fromCase), [path]: value } }));
  };

  const discard = () => {
    setDraft(null);
    setConflict(false);
    setSubmitted(false);
    setTouched(new Set());
    setFailure(null);
  };

  const save = async (reapply: boolean) => {
    setSubmitted(true);
    setFailure(null);
    setStatus('');
    const firstProblem = form.fields.find((spec) => problems[spec.path]);
    if (firstProblem) {
      document.getElementById(fieldControlId(form.id, firstProblem.path))?.focus();
      return;
    }
    if (changed.length === 0) {
      setStatus(t('caseDrawer.save.nothing'));
      return;
    }
    // A colleague's newer value for a field the user also changed is never overwritten unseen.
    const overlapping = changed.some((spec) => !sameRaw(fromCase[spec.path], base[spec.path]));
    if (overlapping && !reapply) {
      setConflict(true);
      return;
    }
    setSaving(true);
    try {
      const updated = await patchCase(detail.id, { version: detail.version, ...buildEdit(changed, values) });
      onCase(updated);
      setDraft(null);
      setConflict(false);
      setSubmitted(false);
      setTouched(new Set());
      setStatus(t('caseDrawer.save.saved'));
    } catch (error) {
      const current = error instanceof ApiError ? (error.body?.details as { current?: CaseDetail } | undefined)?.current : undefined;
      if (error instanceof ApiError && error.body?.code === 'VERSION_CONFLICT' && current) {
        onCase(current);
        setConflict(true);
      } else {
        setFailure(errorText(error, locale, t('caseDrawer.save.failed')));
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save(false);
    }
  };

  const conflictRows = form.fields.filter(
    (spec) => !sameRaw(fromCase[spec.path], base[spec.path]) || changed.includes(spec),
  );

  return (
    <section className="drawer-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`caseDrawer.form.${form.id}`)}</h3>
      <form noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
        {form.fields.map((spec) => (
          <FieldControl
            key={spec.path}
            formId={form.id}
            spec={spec}
            value={values[spec.path]}
            onChange={(value) => change(spec.path, value)}
            onFocus={() => fieldPresence.onFocus(spec.path)}
            onBlur={() => {
              fieldPresence.onBlur(spec.path);
              setTouched((current) => new Set(current).add(spec.path));
            }}
            problem={touched.has(spec.path) || submitted ? problems[spec.path] : undefined}
            editors={live.editors.filter((editor) => editor.field === spec.path)}
            users={users}
          />
        ))}
        {conflict && (
          <div className="conflict" role="alert">
            <p className="conflict__title">{t('caseDrawer.conflict.title')}</p>
            <table className="conflict__table">
              <thead>
                <tr>
                  <th scope="col">{t('caseDrawer.conflict.field')}</th>
                  <th scope="col">{t('caseDrawer.conflict.theirs')}</th>
                  <th scope="col">{t('caseDrawer.conflict.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {conflictRows.map((spec) => (
                  <tr key={spec.path}>
                    <th scope="row">{t(`caseDrawer.field.${spec.path}`)}</th>
                    <td>{formatFieldValue(spec, valueAt(detail, spec.path), formatContext)}</td>
                    <td>{formatFieldValue(spec, fromRaw(spec, values[spec.path]), formatContext)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="form-actions">
              <button type="button" className="button button--primary" onClick={() => void save(true)} disabled={saving}>
                {t('caseDrawer.conflict.reapply')}
              </button>
              <button type="button" className="button" onClick={discard}>
                {t('caseDrawer.conflict.keepTheirs')}
              </button>
            </div>
          </div>
        )}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('caseDrawer.save.saving') : t('caseDrawer.save.submit')}
          </button>
          {draft && (
            <button type="button" className="button" onClick={discard}>
              {t('caseDrawer.save.discard')}
            </button>
          )}
          <span className="form-status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
