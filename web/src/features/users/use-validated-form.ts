import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { asLocale, errorText } from '../case-drawer/format.js';
import type { usersZhCN } from './users.messages.js';

export type ProblemKey = keyof typeof usersZhCN.validation;

/** Each field breaks one rule only, so the field names the message; both password fields share one. */
const KEY_OF_FIELD: Record<string, ProblemKey> = {
  username: 'username',
  displayName: 'displayName',
  password: 'password',
  newPassword: 'password',
  currentPassword: 'currentPassword',
};

export interface ValidatedForm<Values> {
  values: Values;
  set<Field extends keyof Values>(field: Field, value: Values[Field]): void;
  touch(field: keyof Values): void;
  /** The field's problem once the user has left it or tried to submit, as a key of `users.validation`. */
  problemOf(field: keyof Values): ProblemKey | undefined;
  submit(event: FormEvent): void;
  saving: boolean;
  /** The server's refusal, in the reader's language. */
  failure: string | null;
}

/**
 * A dialog form checked with the shared schema as the user types: a field shows its problem
 * once left, every field on a submit attempt, and nothing is sent while any remains.
 */
export function useValidatedForm<Values extends Record<string, unknown>, Schema extends z.ZodType>(
  schema: Schema,
  initial: Values,
  save: (parsed: z.output<Schema>) => Promise<void>,
): ValidatedForm<Values> {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<keyof Values>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const parsed = schema.safeParse(values);
  const problems = new Map<keyof Values, ProblemKey>();
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0]);
    if (!problems.has(field)) problems.set(field, KEY_OF_FIELD[field] ?? 'invalid');
  }

  return {
    values,
    set: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    touch: (field) => setTouched((current) => new Set(current).add(field)),
    problemOf: (field) => (attempted || touched.has(field) ? problems.get(field) : undefined),
    saving,
    failure,
    submit(event) {
      event.preventDefault();
      setAttempted(true);
      if (!parsed.success || saving) return;
      setSaving(true);
      setFailure(null);
      save(parsed.data).then(
        () => setSaving(false),
        (error: unknown) => {
          setSaving(false);
          setFailure(errorText(error, asLocale(i18n.language), t('users.form.failed')));
        },
      );
    },
  };
}
