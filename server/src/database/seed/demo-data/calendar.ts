const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** China has one time zone and no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET = 8 * HOUR;

export function hours(count: number): number {
  return count * HOUR;
}

/** Midnight, Beijing time, of the day that holds `at`. */
export function beijingMidnight(at: number): number {
  return Math.floor((at + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
}

export function beijingHour(at: number): number {
  return (at - beijingMidnight(at)) / HOUR;
}

/** 0 = Sunday, as Date.getUTCDay. */
export function beijingWeekday(at: number): number {
  return new Date(at + BEIJING_OFFSET).getUTCDay();
}

export function beijingDayOfMonth(at: number): number {
  return new Date(at + BEIJING_OFFSET).getUTCDate();
}

/** `11月20日`, as a date is written in a complaint. */
export function monthDay(at: number): string {
  const date = new Date(at + BEIJING_OFFSET);
  return `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** `14:05` */
export function clock(at: number): string {
  const date = new Date(at + BEIJING_OFFSET);
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/** `2026-11-20`, the Beijing date, for date-only fields such as a due date. */
export function isoDate(at: number): string {
  return new Date(at + BEIJING_OFFSET).toISOString().slice(0, 10);
}
