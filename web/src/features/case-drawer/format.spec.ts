import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatMoney } from './format.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatting by locale', () => {
  it.each([
    ['zh-CN', 3000, '¥3,000.00'],
    ['en', 3000, '¥3,000.00'],
    ['zh-CN', 0.5, '¥0.50'],
  ] as const)('money in %s: %s -> %s', (locale, amount, expected) => {
    expect(formatMoney(amount, locale)).toBe(expected);
  });

  it.each([
    ['zh-CN', 2 * DAY + 3 * HOUR + 20 * MINUTE, '2天3小时'],
    ['en', 2 * DAY + 3 * HOUR + 20 * MINUTE, '2 days 3 hours'],
    ['zh-CN', 5 * HOUR, '5小时'],
    ['en', 1 * HOUR + 1 * MINUTE, '1 hour 1 minute'],
    ['en', 10_000, '1 minute'],
  ] as const)('durations in %s: %s ms -> %s', (locale, milliseconds, expected) => {
    expect(formatDuration(milliseconds, locale)).toBe(expected);
  });

  it('reads a due date as that calendar day in every time zone', () => {
    expect(formatDate('2026-12-15', 'zh-CN')).toBe('2026年12月15日');
    expect(formatDate('2026-12-15', 'en')).toBe('Dec 15, 2026');
  });
});
