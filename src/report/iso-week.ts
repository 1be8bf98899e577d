import { addDays, type CivilDate, isoWeekday } from './calendar.ts';

/** An ISO 8601 week: weeks start on Monday; week 1 is the week with the year's first Thursday. */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** The ISO week a civil date falls in (2027-01-01 is in 2026-W53). */
export function isoWeekOf(date: CivilDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const dayOfYear = Math.round(
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(jan1.year, 0, 1)) / 86_400_000,
  );
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Number of ISO weeks in `year`: 53 when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

/** The Monday of an ISO week. */
export function mondayOf(week: IsoWeek): CivilDate {
  const jan4 = { year: week.year, month: 1, day: 4 };
  return addDays(jan4, 1 - isoWeekday(jan4) + (week.week - 1) * 7);
}

/** `2026-W48`, or `undefined` for text that is not an existing ISO week. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const m = /^(\d{4})-?W(\d{2})$/.exec(text);
  if (!m) return undefined;
  const week = { year: Number(m[1]), week: Number(m[2]) };
  return week.week >= 1 && week.week <= isoWeeksInYear(week.year) ? week : undefined;
}

/** `2026-W48` */
export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** `2026W48`, as in file names (`weekly_report_2026W48.pdf`). */
export function compactIsoWeek(week: IsoWeek): string {
  return `${week.year}W${String(week.week).padStart(2, '0')}`;
}
