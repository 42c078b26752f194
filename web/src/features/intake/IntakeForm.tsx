import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCaseInputSchema, phoneSchema, shipmentSchema, type CaseDetail } from '@app/shared';
import { lookupCustomer, type CustomerCase } from '../case-drawer/case-drawer-api.js';
import { buildEdit, CASE_FIELDS, type CaseFieldPath, type RawValue, type RawValues } from '../case-drawer/case-fields.js';
import { CustomerHistory } from '../case-drawer/CustomerHistory.js';
import { FieldControl, fieldControlId } from '../case-drawer/FieldControl.js';
import { blankRequired, problemsByField, type FieldProblems } from '../case-drawer/field-validation.js';
import { asLocale, errorText } from '../case-drawer/format.js';
import { createCase, fetchOpenCasesOnWaybill, type OpenCaseOnWaybill } from './intake-api.js';

const FORM_ID = 'intake';

/** The groups in the order an agent fills them on a call: who is calling, which parcel, what happened, what they want. */
const GROUPS: readonly { id: 'customer' | 'shipment' | 'complaint' | 'claim'; paths: readonly CaseFieldPath[] }[] = [
  { id: 'customer', paths: ['customer.phone', 'customer.name', 'customer.type', 'customer.email', 'customer.company'] },
  { id: 'shipment', paths: ['shipment.waybill', 'shipment.origin', 'shipment.destination', 'shipment.orderNumber', 'shipment.declaredValue'] },
  { id: 'complaint', paths: ['channel', 'category', 'severity', 'title', 'facts.description', 'facts.occurredAt', 'facts.location'] },
  { id: 'claim', paths: ['claim.amount', 'claim.remedies', 'claim.note'] },
];
const SPECS = GROUPS.flatMap((group) => group.paths.map((path) => CASE_FIELDS[path]));
const PATHS = SPECS.map((spec) => spec.path);

/** Most complaints come in on the hotline. */
const EMPTY: RawValues = Object.fromEntries(SPECS.map((spec) => [spec.path, spec.path === 'channel' ? 'phone' : spec.kind.type === 'enums' ? [] : '']));

/** What a returning customer's record fills in when the agent has not typed it already. */
const PREFILLED = ['customer.name', 'customer.type', 'customer.email', 'customer.company'] as const;

function validate(values: RawValues): FieldProblems {
  const result = createCaseInputSchema.safeParse(buildEdit(SPECS, values));
  const problems = result.success ? {} : problemsByField(result.error.issues, PATHS);
  return { ...problems, ...blankRequired(SPECS, values) };
}

type Lookup = { status: 'idle' } | { status: 'known'; earlier: CustomerCase[] } | { status: 'new' } | { status: 'failed'; message: string };

interface IntakeFormProps {
  onCreated(created: CaseDetail): void;
  onCancel(): void;
}

/** The caller's phone comes first: it finds a returning customer before anything else is typed. */
export const firstIntakeField = () => document.getElementById(fieldControlId(FORM_ID, 'customer.phone'));

/**
 * Customer service's intake: the fields createCaseInputSchema requires, checked inline with the
 * same schema; the phone looks the caller up, the waybill warns about cases already open on
 * the parcel; Ctrl+Enter submits from anywhere in the form.
 */
export function IntakeForm({ onCreated, onCancel }: IntakeFormProps) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const [values, setValues] = useState<RawValues>(EMPTY);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const [openOnWaybill, setOpenOnWaybill] = useState<OpenCaseOnWaybill[]>([]);
  const prefilled = useRef<Partial<Record<string, RawValue>>>({});
  const lookedUp = useRef({ phone: '', waybill: '' });

  const problems = validate(values);
  const problemCount = PATHS.filter((path) => problems[path]).length;

  const change = (path: string, value: RawValue) => setValues((current) => ({ ...current, [path]: value }));

  const lookUpCaller = async (phone: string) => {
    const parsed = phoneSchema.safeParse(phone);
    if (!parsed.success || parsed.data === lookedUp.current.phone) return;
    lookedUp.current.phone = parsed.data;
    try {
      const found = await lookupCustomer(parsed.data);
      if (!found) {
        setLookup({ status: 'new' });
        return;
      }
      const record: Record<(typeof PREFILLED)[number], RawValue> = {
        'customer.name': found.customer.name,
        'customer.type': found.customer.type ?? '',
        'customer.email': found.customer.email ?? '',
        'customer.company': found.customer.company ?? '',
      };
      setValues((current) => {
        const next = { ...current };
        for (const path of PREFILLED) {
          // Only over what is blank or was filled in by an earlier lookup, never over what the agent typed.
          const untouched = current[path] === '' || current[path] === prefilled.current[path];
          if (untouched && record[path] !== '') next[path] = record[path];
        }
        return next;
      });
      prefilled.current = record;
      setLookup({ status: 'known', earlier: found.cases });
    } catch (error) {
      setLookup({ status: 'failed', message: errorText(error, locale, t('intake.lookupFailed')) });
    }
  };

  const checkWaybill = async (waybill: string) => {
    const parsed = shipmentSchema.shape.waybill.safeParse(waybill);
    if (!parsed.success) {
      setOpenOnWaybill([]);
      return;
    }
    if (parsed.data === lookedUp.current.waybill) return;
    lookedUp.current.waybill = parsed.data;
    try {
      setOpenOnWaybill(await fetchOpenCasesOnWaybill(parsed.data));
    } catch {
      // The warning is a courtesy: without it the agent can still take the complaint.
      setOpenOnWaybill([]);
    }
  };

  const blur = (path: string) => {
    setTouched((current) => new Set(current).add(path));
    if (path === 'customer.phone') void lookUpCaller(values[path] as string);
    if (path === 'shipment.waybill') void checkWaybill(values[path] as string);
  };

  const submit = async () => {
    setSubmitted(true);
    setFailure('');
    const firstProblem = PATHS.find((path) => problems[path]);
    if (firstProblem) {
      document.getElementById(fieldControlId(FORM_ID, firstProblem))?.focus();
      return;
    }
    setBusy(true);
    try {
      onCreated(await createCase(createCaseInputSchema.parse(buildEdit(SPECS, values))));
    } catch (error) {
      setFailure(errorText(error, locale, t('intake.failed')));
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="intake-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <p className="intake-form__hint">{t('intake.hint')}</p>
      {GROUPS.map((group) => (
        <fieldset key={group.id} className="intake-form__group">
          <legend>{t(`intake.group.${group.id}`)}</legend>
          {group.paths.map((path) => (
            <FieldControl
                key={path}
                formId={FORM_ID}
                spec={CASE_FIELDS[path]}
                value={values[path]}
                onChange={(value) => change(path, value)}
                onFocus={() => undefined}
                onBlur={() => blur(path)}
                problem={touched.has(path) || submitted ? problems[path] : undefined}
                editors={[]}
                users={[]}
              />
          ))}
          {group.id === 'customer' && (
            <div className="intake-form__lookup" role="status">
              {lookup.status === 'new' && <p>{t('intake.newCustomer')}</p>}
              {lookup.status === 'known' && (
                <>
                  <p>{t('intake.knownCustomer')}</p>
                  <CustomerHistory earlier={lookup.earlier} inNewTab />
                </>
              )}
              {lookup.status === 'failed' && <p>{lookup.message}</p>}
            </div>
          )}
          {group.id === 'shipment' && (
            <div className="intake-form__waybill" role="alert">
              {openOnWaybill.length > 0 && (
                <>
                  <p className="intake-form__warning">{t('intake.openOnWaybill', { count: openOnWaybill.length })}</p>
                  <ul>
                    {openOnWaybill.map((open) => (
                      <li key={open.id}>
                        <a href={`/cases/${open.number}`} target="_blank" rel="noopener">
                          {open.number}
                        </a>{' '}
                        {open.title} · {open.customerName} · {t(`column.${open.column}`)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </fieldset>
      ))}
      {submitted && problemCount > 0 && (
        <p className="form-error" role="alert">
          {t('intake.fixFields', { count: problemCount })}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('intake.submitting') : t('intake.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('caseDrawer.cancel')}
        </button>
        <span className="drawer-section__hint">{t('intake.shortcut')}</span>
      </div>
    </form>
  );
}
