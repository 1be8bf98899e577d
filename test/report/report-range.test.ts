import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { civilDateAt, formatDate, parseDate, startOfDay, zoneOffsetMs } from '../../src/report/calendar.ts';
import { parseIsoWeek } from '../../src/report/iso-week.ts';
import { lastCompleteWeek, previousRange, rangeOfDates, weekRange } from '../../src/report/report-range.ts';

const H = 3_600_000;
const hours = (r: { days: readonly { start: number; end: number }[] }) => r.days.map((d) => (d.end - d.start) / H);

describe('report days in a time zone', () => {
  it('a week in Asia/Shanghai starts at 16:00 UTC on Sunday and has seven 24-hour days', () => {
    const r = weekRange('Asia/Shanghai', parseIsoWeek('2026-W48')!);
    expect(new Date(r.start).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(new Date(r.end).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(hours(r)).toEqual([24, 24, 24, 24, 24, 24, 24]);
    expect(r.label).toBe('2026W48');
    expect(r.title).toBe('2026-W48 (2026-11-23 – 2026-11-29)');
  });

  it('Europe/Berlin: the spring-forward Sunday (2026-03-29) has 23 hours', () => {
    const r = weekRange('Europe/Berlin', parseIsoWeek('2026-W13')!);
    expect(r.days.map((d) => d.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(hours(r)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(new Date(r.end).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('America/New_York: the fall-back Sunday (2026-11-01) has 25 hours', () => {
    const r = weekRange('America/New_York', parseIsoWeek('2026-W44')!);
    expect(hours(r)).toEqual([24, 24, 24, 24, 24, 24, 25]);
    expect(new Date(r.days[6]!.start).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(r.days[6]!.end).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('America/Havana skips midnight in spring: the day starts at 01:00 local', () => {
    const start = startOfDay('America/Havana', parseDate('2026-03-08')!);
    expect(new Date(start).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(formatDate(civilDateAt('America/Havana', start - 1000))).toBe('2026-03-07');
  });

  it('2026-W53 spans the new year', () => {
    const r = weekRange('UTC', parseIsoWeek('2026-W53')!);
    expect([r.days[0]!.date, r.days[6]!.date]).toEqual(['2026-12-28', '2027-01-03']);
    expect(previousRange(r).label).toBe('2026W52');
    expect(previousRange(weekRange('UTC', parseIsoWeek('2027-W01')!)).label).toBe('2026W53');
  });

  it('the last complete week: Sunday evening is still the week before, Monday 00:00 local completes it', () => {
    const sundayEvening = Date.parse('2026-11-29T15:59:59Z'); // 23:59:59 in Shanghai
    const mondayMidnight = Date.parse('2026-11-29T16:00:00Z');
    expect(lastCompleteWeek('Asia/Shanghai', sundayEvening).label).toBe('2026W47');
    expect(lastCompleteWeek('Asia/Shanghai', mondayMidnight).label).toBe('2026W48');
    // Monday 09:00 in Shanghai is still Sunday in New York: there the last complete week is older.
    const mondayNine = Date.parse('2026-11-30T01:00:00Z');
    expect(lastCompleteWeek('Asia/Shanghai', mondayNine).label).toBe('2026W48');
    expect(lastCompleteWeek('America/New_York', mondayNine).label).toBe('2026W47');
  });

  it('a span of dates: label from-to, and the previous span of the same length', () => {
    const r = rangeOfDates('Europe/Berlin', parseDate('2026-03-28')!, parseDate('2026-03-31')!);
    expect(r.label).toBe('2026-03-28_2026-03-31');
    expect(hours(r)).toEqual([24, 23, 24, 24]);
    const p = previousRange(r);
    expect([formatDate(p.first), formatDate(p.last)]).toEqual(['2026-03-24', '2026-03-27']);
    expect(p.week).toBeUndefined();
  });
});

const zones = fc.constantFrom(
  'UTC',
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
);
const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') });

describe('day boundaries (property)', () => {
  test.prop([zones, instant])(
    'every instant lies in the day of its own civil date, and days are 23-25 h',
    (zone, t) => {
      const date = civilDateAt(zone, t);
      const r = rangeOfDates(zone, date, date);
      const day = r.days[0]!;
      expect(day.start).toBeLessThanOrEqual(t);
      expect(t).toBeLessThan(day.end);
      expect(day.end - day.start).toBeGreaterThanOrEqual(23 * H);
      expect(day.end - day.start).toBeLessThanOrEqual(25 * H);
      expect(formatDate(civilDateAt(zone, day.start))).toBe(day.date);
      expect(formatDate(civilDateAt(zone, day.start - 1000))).not.toBe(day.date);
    },
  );
  test.prop([zones, instant])('offsets stay within UTC-14 h … UTC+14 h', (zone, t) => {
    const offset = zoneOffsetMs(zone, t);
    expect(Math.abs(offset)).toBeLessThanOrEqual(14 * H);
  });
});
