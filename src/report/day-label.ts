import { isoWeekday, parseDate } from './calendar.ts';

/** `Mon 11-23` / `周一 11-23` for a `YYYY-MM-DD` day. */
export function dayLabel(date: string, weekdays: readonly string[]): string {
  const civil = parseDate(date);
  if (!civil) return date;
  return `${weekdays[isoWeekday(civil) - 1]} ${date.slice(5)}`;
}
