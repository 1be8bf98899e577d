import {
  addDays,
  type CivilDate,
  civilDateAt,
  compareDates,
  daysFromCivil,
  formatDate,
  isoWeekday,
  startOfDay,
} from './calendar.ts';
import { compactIsoWeek, formatIsoWeek, isoWeekOf, type IsoWeek, mondayOf } from './iso-week.ts';

/** One calendar day of a report in its time zone: [start, end) in ms; 23 or 25 h long on DST days. */
export interface ReportDay {
  /** `2026-11-23` */
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

/** Whole days in one time zone, as an ISO week or an explicit span of dates. */
export interface ReportRange {
  readonly timeZone: string;
  /** Set when the range is an ISO week. */
  readonly week?: IsoWeek;
  readonly first: CivilDate;
  /** Inclusive. */
  readonly last: CivilDate;
  readonly days: readonly ReportDay[];
  readonly start: number;
  readonly end: number;
  /** `2026W48`, or `2026-11-01_2026-11-14` for a span of dates: the part of the file names after the prefix. */
  readonly label: string;
  /** `2026-W48 (2026-11-23 – 2026-11-29)` */
  readonly title: string;
}

/** The days `first`…`last` (inclusive) in `timeZone`; an ISO week when `week` is given. */
export function rangeOfDates(timeZone: string, first: CivilDate, last: CivilDate, week?: IsoWeek): ReportRange {
  if (compareDates(last, first) < 0)
    throw new Error(`rangeOfDates: ${formatDate(last)} is before ${formatDate(first)}`);
  const count = compareDates(last, first) + 1;
  const days: ReportDay[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(first, i);
    days.push({
      date: formatDate(date),
      start: startOfDay(timeZone, date),
      end: startOfDay(timeZone, addDays(date, 1)),
    });
  }
  const span = `${formatDate(first)} – ${formatDate(last)}`;
  return {
    timeZone,
    ...(week ? { week } : {}),
    first,
    last,
    days,
    start: days[0]!.start,
    end: days[days.length - 1]!.end,
    label: week ? compactIsoWeek(week) : `${formatDate(first)}_${formatDate(last)}`,
    title: week ? `${formatIsoWeek(week)} (${span})` : span,
  };
}

export function weekRange(timeZone: string, week: IsoWeek): ReportRange {
  const monday = mondayOf(week);
  return rangeOfDates(timeZone, monday, addDays(monday, 6), week);
}

/** The last ISO week that has ended at instant `now` in `timeZone` (on a Sunday evening: the week before). */
export function lastCompleteWeek(timeZone: string, now: number): ReportRange {
  const today = civilDateAt(timeZone, now);
  const lastSunday = addDays(today, -isoWeekday(today));
  return weekRange(timeZone, isoWeekOf(lastSunday));
}

/** The range of the same number of days right before `range` (an ISO week gives the week before). */
export function previousRange(range: ReportRange): ReportRange {
  const count = daysFromCivil(range.last) - daysFromCivil(range.first) + 1;
  const first = addDays(range.first, -count);
  const last = addDays(range.first, -1);
  return range.week
    ? rangeOfDates(range.timeZone, first, last, isoWeekOf(first))
    : rangeOfDates(range.timeZone, first, last);
}
