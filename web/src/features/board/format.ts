import type { Locale } from '@app/shared';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (locale: Locale, name: 'day' | 'hour' | 'minute') =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' });

/** "1天3小时" / "1d 3h": the two largest units, enough for a countdown read at a glance. */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.round(Math.abs(ms) / MINUTE)) * MINUTE;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days > 0) parts.push(unit(locale, 'day').format(days));
  if (hours > 0 && parts.length < 2) parts.push(unit(locale, 'hour').format(hours));
  if (days === 0 && (minutes > 0 || parts.length === 0)) parts.push(unit(locale, 'minute').format(minutes));
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}

/** "3 小时前" / "3 hours ago". */
export function formatAge(since: string, now: number, locale: Locale): string {
  const elapsed = now - Date.parse(since);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  if (elapsed < HOUR) return relative.format(-Math.max(0, Math.floor(elapsed / MINUTE)), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  return relative.format(-Math.floor(elapsed / DAY), 'day');
}

export function formatDateTime(at: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(at));
}

export function formatMoney(yuan: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(yuan);
}

/** Chinese names show the family name (王晓燕 → 王); Latin names their initials (Ann Lee → AL). */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (/^\p{Script=Han}/u.test(trimmed)) return trimmed.slice(0, 1);
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.slice(0, 1).toUpperCase())
    .join('');
}
