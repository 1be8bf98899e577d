import { describe, expect, it } from 'vitest';
import { formatGoDuration, formatInterval, parseGrafanaInterval } from '../../src/model/grafana-interval.ts';
import { builtIns, queryTiming } from '../../src/verify/query-timing.ts';
import { roundInterval } from '../../src/verify/round-interval.ts';
import { panelTimeRange, resolveTime, resolveTimeRange } from '../../src/verify/time-range.ts';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 0, 15, 10, 30, 45);

describe('durations', () => {
  it.each([
    ['15s', 15_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
    ['30', 30_000],
  ])('parses %s', (text, ms) => expect(parseGrafanaInterval(text)).toBe(ms));
  it('rejects text that is not a duration', () => expect(parseGrafanaInterval('$interval')).toBeUndefined());
  it('formats $__interval with the largest whole unit', () =>
    expect([5_000, 90_000, 7_200_000, 500].map(formatInterval)).toEqual(['5s', '1m', '2h', '500ms']));
  it("formats $__rate_interval like Go's time.Duration", () =>
    expect([6_000, 60_000, 3_720_000].map(formatGoDuration)).toEqual(['6s', '1m0s', '1h2m0s']));
});

describe('roundInterval', () => {
  it.each([
    [947, 1_000],
    [3_789, 5_000],
    [14_000, 15_000],
    [100_000, 120_000],
    [40_000_000, 43_200_000],
  ])('rounds %i ms to %i ms', (raw, step) => expect(roundInterval(raw)).toBe(step));
});

describe('queryTiming', () => {
  const range = { from: NOW - HOUR, to: NOW };
  it('keeps the step at the scrape interval and sets $__rate_interval to 4 × scrape', () => {
    const t = queryTiming({ range, maxDataPoints: 950, scrapeIntervalMs: 15_000 });
    expect(t).toMatchObject({ intervalMs: 15_000, stepMs: 15_000, rateIntervalMs: 60_000 });
    expect(t.end % 15_000).toBe(0);
    expect(builtIns(range, t, { uid: 'd' })).toMatchObject({
      __interval: '15s',
      __rate_interval: '1m0s',
      __range: '3600s',
      __range_s: '3600',
      __dashboard: 'd',
    });
  });
  it('uses interval + scrape when range / maxDataPoints is larger than 3 × scrape', () => {
    const t = queryTiming({ range: { from: NOW - 24 * HOUR, to: NOW }, maxDataPoints: 950, scrapeIntervalMs: 15_000 });
    expect(t).toMatchObject({ intervalMs: 120_000, stepMs: 120_000, rateIntervalMs: 135_000 });
  });
  it("honours the panel's min interval and the query's min step", () => {
    expect(queryTiming({ range, maxDataPoints: 950, scrapeIntervalMs: 1_000, panelInterval: '30s' })).toMatchObject({
      intervalMs: 30_000,
      rateIntervalMs: 31_000,
    });
    expect(queryTiming({ range, maxDataPoints: 950, scrapeIntervalMs: 1_000, targetInterval: '1m' })).toMatchObject({
      stepMs: 60_000,
      rateIntervalMs: 240_000,
    });
  });
});

describe('time ranges', () => {
  it('resolves relative times against now', () => {
    expect(resolveTimeRange({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ from: NOW - HOUR, to: NOW });
    expect(resolveTime('now-1d/d', NOW, false)).toBe(Date.UTC(2025, 0, 14));
    expect(resolveTime('now/d', NOW, true)).toBe(Date.UTC(2025, 0, 16) - 1);
    expect(resolveTime('2025-01-01T00:00:00Z', NOW, false)).toBe(Date.UTC(2025, 0, 1));
  });
  it('names a bad value', () =>
    expect(resolveTimeRange({ from: 'yesterday', to: 'now' }, NOW)).toBe(
      'time.from "yesterday" is not a Grafana time',
    ));
  it('applies timeFrom and timeShift', () => {
    expect(panelTimeRange({ from: NOW - HOUR, to: NOW }, '5m', '1d', NOW)).toEqual({
      from: NOW - 300_000 - 86_400_000,
      to: NOW - 86_400_000,
    });
  });
});
