import type { ApiErrorBody, Locale } from '@app/shared';
import { ApiError } from '../../app/api-client.js';

/** The i18n language as one of ours; anything unexpected reads as the default, zh-CN. */
export function asLocale(language: string | undefined): Locale {
  return language === 'en' ? 'en' : 'zh-CN';
}

/** Yuan as the users write them: ¥3,000.00 in both locales (en would otherwise say CN¥). */
export function formatMoney(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(amount);
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`) read as that day everywhere, not as midnight UTC shifted into the viewer's zone. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Elapsed time to the two largest units, e.g. "2天3小时" / "2 days, 3 hours"; under a minute counts as a minute. */
export function formatDuration(milliseconds: number, locale: Locale): string {
  const total = Math.max(milliseconds, MINUTE);
  const parts = [
    { unit: 'day', value: Math.floor(total / DAY) },
    { unit: 'hour', value: Math.floor((total % DAY) / HOUR) },
    { unit: 'minute', value: Math.floor((total % HOUR) / MINUTE) },
  ];
  const first = parts.findIndex((part) => part.value > 0);
  const shown = parts.slice(first, first + 2).filter((part) => part.value > 0);
  const words = shown.map(({ unit, value }) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value),
  );
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(words);
}

/** The server's message in the reader's language; network failures and non-API answers fall back to `fallback`. */
export function errorText(error: unknown, locale: Locale, fallback: string): string {
  const body: ApiErrorBody | undefined = error instanceof ApiError ? error.body : undefined;
  return body?.messages?.[locale] ?? body?.message ?? fallback;
}
