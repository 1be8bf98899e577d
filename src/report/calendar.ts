/**
 * Calendar arithmetic in an IANA time zone, from the platform's tz database (Intl). Pure: no clock.
 * A "civil date" is a day on the wall calendar (year, month 1-12, day 1-31), without a zone.
 */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows `timeZone` as an IANA zone name (or "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The civil date at instant `ms` in `timeZone`. */
export function civilDateAt(timeZone: string, ms: number): CivilDate {
  return civilFromDays(Math.floor((ms + zoneOffsetMs(timeZone, ms)) / MS_PER_DAY));
}

/**
 * The first instant of `date` in `timeZone`: local midnight, or on the rare days whose midnight a DST jump skips,
 * the first second that exists. Found by bisection over the seconds where any zone's midnight can lie (UTC-12 to
 * UTC+14), so it needs no knowledge of the zone's rules.
 */
export function startOfDay(timeZone: string, date: CivilDate): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const target = daysFromCivil(date);
  let lo = (wall - 15 * 3_600_000) / 1000; // still the day before everywhere
  let hi = (wall + 13 * 3_600_000) / 1000; // already `date` everywhere
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (daysFromCivil(civilDateAt(timeZone, mid * 1000)) >= target) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/** Days since 1970-01-01 for a civil date (proleptic Gregorian). */
export function daysFromCivil(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function civilFromDays(days: number): CivilDate {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return civilFromDays(daysFromCivil(date) + n);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return daysFromCivil(a) - daysFromCivil(b);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: CivilDate): number {
  return ((((daysFromCivil(date) + 3) % 7) + 7) % 7) + 1;
}

/** `2026-11-23` */
export function formatDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD` (a real calendar day) or returns `undefined`. */
export function parseDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = civilFromDays(daysFromCivil(date));
  return back.year === date.year && back.month === date.month && back.day === date.day ? date : undefined;
}
