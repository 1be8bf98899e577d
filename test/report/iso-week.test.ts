import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays, civilFromDays, daysFromCivil, formatDate, isoWeekday, parseDate } from '../../src/report/calendar.ts';
import {
  compactIsoWeek,
  formatIsoWeek,
  isoWeekOf,
  isoWeeksInYear,
  mondayOf,
  parseIsoWeek,
} from '../../src/report/iso-week.ts';

const d = (text: string) => parseDate(text)!;

describe('ISO weeks around year ends', () => {
  it.each([
    ['2026-12-27', '2026-W52'],
    ['2026-12-28', '2026-W53'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-11-23', '2026-W48'],
  ])('%s is in %s', (date, week) => {
    expect(formatIsoWeek(isoWeekOf(d(date)))).toBe(week);
  });

  it('2026 has 53 weeks (it starts on a Thursday), 2027 and 2025 have 52, 2020 (leap, Wednesday) has 53', () => {
    expect([2025, 2026, 2027, 2020].map(isoWeeksInYear)).toEqual([52, 53, 52, 53]);
  });

  it('parses and places week 53 and week 1', () => {
    expect(formatDate(mondayOf(parseIsoWeek('2026-W53')!))).toBe('2026-12-28');
    expect(formatDate(mondayOf(parseIsoWeek('2027-W01')!))).toBe('2027-01-04');
    expect(formatDate(mondayOf(parseIsoWeek('2026W48')!))).toBe('2026-11-23');
    expect(compactIsoWeek(parseIsoWeek('2027-W01')!)).toBe('2027W01');
  });

  it.each(['2027-W53', '2026-W00', '2026-W54', '2026-48', 'W48', '2026-W4'])('rejects %s', (text) => {
    expect(parseIsoWeek(text)).toBeUndefined();
  });

  it('rejects dates that do not exist', () => {
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-13-01')).toBeUndefined();
  });
});

const anyDay = fc.integer({
  min: daysFromCivil({ year: 1971, month: 1, day: 1 }),
  max: daysFromCivil({ year: 2200, month: 12, day: 31 }),
});

describe('ISO week properties', () => {
  test.prop([anyDay])('a day lies in the 7 days from the Monday of its week', (n) => {
    const date = civilFromDays(n);
    const offset = daysFromCivil(date) - daysFromCivil(mondayOf(isoWeekOf(date)));
    expect(offset).toBe(isoWeekday(date) - 1);
  });
  test.prop([anyDay])('the next week follows without gap: week numbers count up or restart at 1', (n) => {
    const date = civilFromDays(n);
    const week = isoWeekOf(date);
    const next = isoWeekOf(addDays(mondayOf(week), 7));
    if (next.year === week.year) expect(next.week).toBe(week.week + 1);
    else expect([next.year, next.week, week.week]).toEqual([week.year + 1, 1, isoWeeksInYear(week.year)]);
  });
  test.prop([anyDay])('formatting and parsing round-trip', (n) => {
    const week = isoWeekOf(civilFromDays(n));
    expect(parseIsoWeek(formatIsoWeek(week))).toEqual(week);
  });
});
