import { useTranslation } from 'react-i18next';
import type { PresenceEditor, UserSummary } from '@app/shared';
import type { FieldSpec, RawValue } from './case-fields.js';
import type { FieldProblem } from './field-validation.js';

export function fieldControlId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-')}`;
}

export interface FieldControlProps {
  formId: string;
  spec: FieldSpec;
  value: RawValue;
  onChange(value: RawValue): void;
  onFocus(): void;
  onBlur(): void;
  problem: FieldProblem | undefined;
  /** Colleagues editing this very field right now. */
  editors: readonly PresenceEditor[];
  users: readonly UserSummary[];
}

const SCORES = ['1', '2', '3', '4', '5'];

/**
 * One labelled control with its inline error and who else is editing it. The error and the
 * presence note are tied to the control with aria-describedby; aria-invalid marks a refused value.
 */
export function FieldControl({ formId, spec, value, onChange, onFocus, onBlur, problem, editors, users }: FieldControlProps) {
  const { t } = useTranslation();
  const id = fieldControlId(formId, spec.path);
  const errorId = `${id}-error`;
  const presenceId = `${id}-presence`;
  const label = t(`caseDrawer.field.${spec.path}`);
  const describedBy = [problem ? errorId : null, editors.length > 0 ? presenceId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.path,
    'aria-invalid': problem ? (true as const) : undefined,
    'aria-describedby': describedBy,
    onFocus,
    onBlur,
  };
  const text = value as string;
  const list = value as readonly string[];
  const toggle = (item: string, on: boolean) => {
    const next = on ? [...list, item] : list.filter((entry) => entry !== item);
    const order = spec.kind.type === 'enums' ? spec.kind.options : users.map((user) => user.id);
    onChange(order.filter((entry) => next.includes(entry)));
  };
  const { kind } = spec;

  const notes = (
    <>
      {editors.length > 0 && (
        <span id={presenceId} className="field__presence">
          {t('caseDrawer.presence.editingField', { names: editors.map((editor) => editor.displayName).join('、') })}
        </span>
      )}
      {problem && (
        <span id={errorId} className="field__error">
          {t(`caseDrawer.validation.${problem.key}`, { max: problem.max })}
        </span>
      )}
    </>
  );

  if (kind.type === 'enums' || kind.type === 'users') {
    const options =
      kind.type === 'enums'
        ? kind.options.map((option) => ({ value: option, label: t(`${kind.labels}.${option}`) }))
        : users.map((user) => ({ value: user.id, label: `${user.displayName}（${t(`role.${user.role}`)}）` }));
    return (
      <fieldset className={`field field--group${kind.type === 'users' ? ' field--scroll' : ''}`} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {options.map((option) => (
          <label key={option.value} className="field__choice">
            <input
              type="checkbox"
              name={spec.path}
              value={option.value}
              checked={list.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onFocus={onFocus}
              onBlur={onBlur}
            />
            {option.label}
          </label>
        ))}
        {notes}
      </fieldset>
    );
  }

  if (kind.type === 'flag') {
    return (
      <div className="field field--flag">
        <label htmlFor={id}>
          <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          {label}
        </label>
        {notes}
      </div>
    );
  }

  const labelElement = (
    <label htmlFor={id}>
      {label}
      {spec.required && (
        <span className="field__required" aria-hidden="true">
          *
        </span>
      )}
    </label>
  );
  const onText = (next: string) => onChange(next);

  let control;
  switch (kind.type) {
    case 'textarea':
      control = <textarea {...common} rows={3} required={spec.required} value={text} onChange={(event) => onText(event.target.value)} />;
      break;
    case 'enum':
    case 'user':
    case 'score':
    case 'answer': {
      const options =
        kind.type === 'enum'
          ? kind.options.map((option) => ({ value: option, label: t(`${kind.labels}.${option}`) }))
          : kind.type === 'user'
            ? users.map((user) => ({ value: user.id, label: `${user.displayName}（${t(`role.${user.role}`)}）` }))
            : kind.type === 'score'
              ? SCORES.map((score) => ({ value: score, label: score }))
              : [
                  { value: 'true', label: t('caseDrawer.yes') },
                  { value: 'false', label: t('caseDrawer.no') },
                ];
      control = (
        <select {...common} required={spec.required} value={text} onChange={(event) => onText(event.target.value)}>
          {(!spec.required || text === '') && <option value="">{t(spec.required ? 'caseDrawer.choose' : 'caseDrawer.notSet')}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'money':
      control = (
        <span className="field__money">
          <span aria-hidden="true">¥</span>
          <input {...common} type="number" inputMode="decimal" min={0} step={0.01} value={text} onChange={(event) => onText(event.target.value)} />
        </span>
      );
      break;
    case 'datetime':
      control = <input {...common} type="datetime-local" value={text} onChange={(event) => onText(event.target.value)} />;
      break;
    case 'date':
      control = <input {...common} type="date" value={text} onChange={(event) => onText(event.target.value)} />;
      break;
    default:
      control = (
        <input
          {...common}
          type={kind.inputMode ?? 'text'}
          inputMode={kind.inputMode}
          autoComplete={kind.autoComplete}
          required={spec.required}
          value={text}
          onChange={(event) => onText(event.target.value)}
        />
      );
  }
  return (
    <div className={`field field--${kind.type}`}>
      {labelElement}
      {control}
      {notes}
    </div>
  );
}
