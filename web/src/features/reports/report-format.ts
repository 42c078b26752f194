import type { Locale } from '@app/shared';
import { formatMoney } from '../case-drawer/format.js';

export const formatCount = (count: number, locale: Locale) => new Intl.NumberFormat(locale).format(count);

/** `91.9%`; a share of nothing is no share at all. */
export const formatShare = (share: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);

/**
 * The server sends yuan as exact decimal text; a number of yuan and fen below 2^53 fen converts
 * without loss, so only the display goes through a float, never a sum.
 */
export const formatYuan = (amount: string, locale: Locale) => formatMoney(Number(amount), locale);
