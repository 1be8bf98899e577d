import { formatGoDuration, formatInterval, parseGrafanaInterval } from '../model/grafana-interval.ts';
import { roundInterval } from './round-interval.ts';
import type { TimeRange } from './time-range.ts';
import type { BuiltIns } from './interpolate.ts';

/** Prometheus refuses more than 11 000 points per series; Grafana keeps the step above range / 11 000. */
const SAFE_RESOLUTION = 11_000;

export interface TimingInput {
  readonly range: TimeRange;
  /** Points the panel can draw: the panel's `maxDataPoints`, else an estimate from its width. */
  readonly maxDataPoints: number;
  /** The datasource's scrape interval (`timeInterval`), ms. */
  readonly scrapeIntervalMs: number;
  /** Panel "Min interval" (`panel.interval`), already interpolated. */
  readonly panelInterval?: string;
  /** Query "Min step" (`target.interval`), already interpolated. */
  readonly targetInterval?: string;
  readonly intervalFactor?: number;
}

export interface QueryTiming {
  /** `$__interval` in ms: what the frontend computes from the range and the panel's width. */
  readonly intervalMs: number;
  /** Step sent to Prometheus, ms. */
  readonly stepMs: number;
  readonly rateIntervalMs: number;
  /** Range aligned down to the step, as Grafana's backend sends it. */
  readonly start: number;
  readonly end: number;
}

/**
 * Step, `$__interval` and `$__rate_interval` the way Grafana computes them: the frontend picks
 * `max(roundInterval(range / maxDataPoints), min interval)`; the backend keeps a query's own min step, never goes
 * below range / 11 000, and sets `$__rate_interval = max($__interval + scrape interval, 4 × scrape interval)`.
 */
export function queryTiming(input: TimingInput): QueryTiming {
  const rangeMs = input.range.to - input.range.from;
  const lowLimit = durationMs(input.panelInterval) ?? input.scrapeIntervalMs;
  const intervalMs = Math.max(roundInterval(rangeMs / Math.max(1, input.maxDataPoints)), lowLimit);

  const minStep = durationMs(input.targetInterval);
  const minInterval = minStep ?? intervalMs;
  const raw = rangeMs / Math.max(1, input.maxDataPoints);
  const calculated = raw < minInterval ? minInterval : roundInterval(raw);
  const safe = roundInterval(rangeMs / SAFE_RESOLUTION);
  const factor = input.intervalFactor && input.intervalFactor > 0 ? input.intervalFactor : 1;
  const stepMs = Math.max(calculated, safe) * factor;

  const scrape = minStep ?? input.scrapeIntervalMs;
  const rateIntervalMs = Math.max(intervalMs + scrape, 4 * scrape);
  return {
    intervalMs,
    stepMs,
    rateIntervalMs,
    start: Math.floor(input.range.from / stepMs) * stepMs,
    end: Math.floor(input.range.to / stepMs) * stepMs,
  };
}

/** Grafana's built-in variables for one query, as text. */
export function builtIns(
  range: TimeRange,
  timing: QueryTiming | undefined,
  dashboard: { uid?: string; title?: string },
): BuiltIns {
  const rangeMs = range.to - range.from;
  const rangeS = Math.round(rangeMs / 1000);
  const out: Record<string, string> = {
    __range: `${rangeS}s`,
    __range_s: String(rangeS),
    __range_ms: String(rangeMs),
    __from: String(range.from),
    __to: String(range.to),
  };
  if (dashboard.uid !== undefined) out.__dashboard = dashboard.uid;
  if (timing) {
    out.__interval = formatInterval(timing.stepMs);
    out.__interval_ms = String(timing.stepMs);
    out.__rate_interval = formatGoDuration(timing.rateIntervalMs);
    out.__rate_interval_ms = String(timing.rateIntervalMs);
  }
  return out;
}

function durationMs(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '' || text.includes('$')) return undefined;
  const ms = parseGrafanaInterval(text.replace(/^>/, ''));
  return ms !== undefined && ms > 0 ? ms : undefined;
}
