import type { TFunction } from 'i18next';
import type { Locale, UserSummary } from '@app/shared';
import type { FieldSpec } from './case-fields.js';
import { formatDate, formatDateTime, formatMoney } from './format.js';

export interface FormatContext {
  t: TFunction;
  locale: Locale;
  users: readonly UserSummary[];
}

export function userName(users: readonly UserSummary[], id: string): string {
  return users.find((user) => user.id === id)?.displayName ?? id;
}

function isEmpty(value: unknown): boolean {
  return value == null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A stored value in words: enum labels, ¥ amounts, dates and names instead of codes and ids. */
export function formatFieldValue(spec: FieldSpec, value: unknown, { t, locale, users }: FormatContext): string {
  if (isEmpty(value)) return t('caseDrawer.empty');
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(items);
  const { kind } = spec;
  switch (kind.type) {
    case 'enum':
      return t(`${kind.labels}.${String(value)}`);
    case 'enums':
      return list((value as string[]).map((item) => t(`${kind.labels}.${item}`)));
    case 'money':
      return typeof value === 'number' ? formatMoney(value, locale) : String(value);
    case 'flag':
    case 'answer':
      return t(value === true ? 'caseDrawer.yes' : 'caseDrawer.no');
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'date':
      return formatDate(String(value), locale);
    case 'user':
      return userName(users, String(value));
    case 'users':
      return list((value as string[]).map((id) => userName(users, id)));
    default:
      return String(value);
  }
}
