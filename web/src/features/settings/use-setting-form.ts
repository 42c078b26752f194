import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.js';
import { asLocale, errorText } from '../case-drawer/format.js';
import type { SettingConflictDetails, SettingEndpoint, VersionedSetting } from './settings-api.js';
import type { SettingProblems } from './settings-validation.js';

export interface SettingFormSpec<T, Raw> {
  endpoint: SettingEndpoint<T>;
  defaults: T;
  /** The setting as the form's inputs hold it (text while typed). */
  toRaw(value: T): Raw;
  /** The inputs checked with the shared schema, the one the server applies. */
  parse(raw: Raw): { ok: true; value: T } | { ok: false; problems: SettingProblems };
  /** The id of the input that shows a field's problem, to move focus to the first one. */
  inputId(field: string): string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The admin's edits (`mine` against `base`) laid over what a colleague saved meanwhile (`theirs`):
 * what the admin left alone takes the colleague's value. Where both changed the same part, or the
 * shape differs (a tier added on one side), the admin's own wins, since they are about to review it.
 */
export function rebase(mine: unknown, base: unknown, theirs: unknown): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  if (!isRecord(mine) || !isRecord(base) || !isRecord(theirs)) return mine;
  if (!same(Object.keys(mine), Object.keys(base)) || !same(Object.keys(mine), Object.keys(theirs))) return mine;
  const merged = Object.fromEntries(Object.keys(mine).map((key) => [key, rebase(mine[key], base[key], theirs[key])]));
  return Array.isArray(mine) ? Object.values(merged) : merged;
}

/**
 * One setting on one form: what the server holds, what the admin has typed over it, and saving it
 * with the version it was read at, so a colleague's save in between is never overwritten unseen.
 */
export function useSettingForm<T, Raw>(spec: SettingFormSpec<T, Raw>) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const { endpoint } = spec;
  const [saved, setSaved] = useState<VersionedSetting<T> | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Raw | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState('');

  const load = useCallback(() => {
    setLoadError(null);
    endpoint.read().then(setSaved, setLoadError);
  }, [endpoint]);
  useEffect(load, [load]);

  const savedRaw = saved && spec.toRaw(saved.value);
  const raw = draft ?? savedRaw;
  const dirty = raw !== null && !same(raw, savedRaw);
  const parsed = raw === null ? null : spec.parse(raw);
  // Shown as the admin types, not only after a save attempt: a limit typed too low is said at once.
  const problems: SettingProblems = dirty && parsed && !parsed.ok ? parsed.problems : {};

  const edit = (next: Raw) => {
    setStatus('');
    setFailure(null);
    setDraft(next);
  };

  const resetToDefaults = () => {
    edit(spec.toRaw(spec.defaults));
    setStatus(t('settings.form.defaultsFilled'));
  };

  const discard = () => {
    setDraft(null);
    setConflict(false);
    setFailure(null);
  };

  const save = async () => {
    if (!saved || !parsed) return;
    setFailure(null);
    setStatus('');
    if (!parsed.ok) {
      const first = Object.keys(parsed.problems).find((field) => field !== '');
      if (first !== undefined) document.getElementById(spec.inputId(first))?.focus();
      setFailure(t('settings.form.invalid'));
      return;
    }
    setSaving(true);
    try {
      setSaved(await endpoint.write(parsed.value, saved.version));
      setDraft(null);
      setConflict(false);
      setStatus(t('settings.form.saved'));
    } catch (error) {
      const theirs = error instanceof ApiError ? (error.body?.details as SettingConflictDetails<T> | undefined) : undefined;
      if (error instanceof ApiError && error.body?.code === 'VERSION_CONFLICT' && theirs) {
        // Their save becomes what the form is compared against and saves over, once the admin has seen it merged in.
        setDraft(rebase(raw, savedRaw, spec.toRaw(theirs.current)) as Raw);
        setSaved({ value: theirs.current, version: theirs.version });
        setConflict(true);
      } else {
        setFailure(errorText(error, locale, t('settings.form.failed')));
      }
    } finally {
      setSaving(false);
    }
  };

  return {
    raw,
    loadError: loadError === null ? null : errorText(loadError, locale, loadError instanceof Error ? loadError.message : String(loadError)),
    reload: load,
    edit,
    dirty,
    problems,
    saving,
    failure,
    conflict,
    status,
    save,
    discard,
    resetToDefaults,
  };
}

export type SettingForm<Raw> = ReturnType<typeof useSettingForm<unknown, Raw>>;
