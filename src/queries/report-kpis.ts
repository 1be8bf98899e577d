import type { Convention } from '../conventions/convention.ts';
import { SERVER_ERROR_STATUS } from './errors.ts';
import type { QueryContext } from './query-context.ts';
import { escapeLabelValue } from './selector.ts';
import { rangeVector } from './vectors.ts';

/**
 * Range-correct KPI queries for a report window: each is evaluated once, as an instant query at the window's end,
 * over a range selector exactly as long as the window (`[86400s]`, `[90000s]` on a 25-hour DST day), and answers
 * one value per `job`. Counters go through `increase()` (which handles resets), ratios are ratios of sums over the
 * whole window (never averages of averages), and a job without samples in the window is absent from the result.
 */
export interface ReportQueryOptions {
  readonly convention: Convention;
  /** Jobs to answer for (one series each). */
  readonly jobs: readonly string[];
  /** Window length in seconds. */
  readonly windowSeconds: number;
}

/** Escapes RE2 metacharacters so a job name matches only itself inside `=~`. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function context(options: ReportQueryOptions): QueryContext {
  if (options.jobs.length === 0) throw new Error('report queries need at least one job');
  if (!Number.isInteger(options.windowSeconds) || options.windowSeconds <= 0) {
    throw new Error(`report queries: window must be a positive whole number of seconds, got ${options.windowSeconds}`);
  }
  return {
    convention: options.convention,
    scope: { job: { re: [...options.jobs].sort().map(escapeRegex).join('|') } },
  };
}

const byJob = (expr: string) => `sum by (job) (${expr})`;
const maxByJob = (expr: string) => `max by (job) (${expr})`;
const win = (options: ReportQueryOptions) => `${options.windowSeconds}s`;

function increase(options: ReportQueryOptions, metric: string, extra = {}): string {
  return `increase(${rangeVector(context(options), metric, win(options), extra)})`;
}

/** Share of successful scrapes over all samples of all instances in the window (sample-weighted). */
export function availabilityOverWindow(options: ReportQueryOptions): string {
  const up = rangeVector(context(options), options.convention.metrics.up, win(options));
  return `${byJob(`sum_over_time(${up})`)} / ${byJob(`count_over_time(${up})`)}`;
}

/** Requests handled in the window (`increase`, so a restart's counter reset adds, never subtracts). */
export function requestsOverWindow(options: ReportQueryOptions): string {
  return byJob(increase(options, options.convention.metrics.requests));
}

/**
 * 5xx share of the window's requests. 0 when there was traffic but no 5xx series exists; absent (no data) when
 * there was no traffic at all.
 */
export function errorRatioOverWindow(options: ReportQueryOptions): string {
  const { metrics, labels } = options.convention;
  const total = byJob(increase(options, metrics.requests));
  const errors = byJob(increase(options, metrics.requests, { [labels.status]: { re: SERVER_ERROR_STATUS } }));
  return `(${errors} / ${total}) or ((${total} > 0) * 0)`;
}

/** The q-quantile of request duration over the window, from the histogram's bucket increases. */
export function latencyQuantileOverWindow(options: ReportQueryOptions, q: number): string {
  const { convention } = options;
  if (!convention.capabilities.latencyHistogram) {
    throw new Error(
      `latencyQuantileOverWindow(${q}): convention "${convention.name}" has no latency histogram; use latencyMeanOverWindow()`,
    );
  }
  return `histogram_quantile(${q}, sum by (job, le) (${increase(options, `${convention.metrics.requestDuration}_bucket`)}))`;
}

/** Mean request duration over the window: increase of `_sum` over increase of `_count`. */
export function latencyMeanOverWindow(options: ReportQueryOptions): string {
  const base = options.convention.metrics.requestDuration;
  return `${byJob(increase(options, `${base}_sum`))} / ${byJob(increase(options, `${base}_count`))}`;
}

/**
 * Highest request rate in the window: `rate` over `rateWindowSeconds`, summed per job, maximised over a subquery
 * stepping `stepSeconds` through the window. The subquery starts `rateWindowSeconds` after the window's start so
 * that every rate looks only at samples inside the window (a day without data has no peak from the day before).
 */
export function peakRequestRateOverWindow(
  options: ReportQueryOptions,
  rateWindowSeconds: number,
  stepSeconds: number,
): string {
  const ctx = context(options);
  const span = options.windowSeconds - rateWindowSeconds;
  if (span <= 0)
    throw new Error(
      `peakRequestRateOverWindow: window ${options.windowSeconds}s must be longer than the rate window ${rateWindowSeconds}s`,
    );
  const rate = `rate(${rangeVector(ctx, options.convention.metrics.requests, `${rateWindowSeconds}s`)})`;
  return `max_over_time(${byJob(rate)}[${span}s:${stepSeconds}s])`;
}

/** Highest value of a gauge on any instance in the window. */
export function gaugeMaxOverWindow(options: ReportQueryOptions, metric: string): string {
  return maxByJob(`max_over_time(${rangeVector(context(options), metric, win(options))})`);
}

/**
 * Growth of a gauge over the window by linear regression (`deriv` × window length) on the instance that grows
 * most: a leak is a steady climb, which a single spike does not fake.
 */
export function gaugeGrowthOverWindow(options: ReportQueryOptions, metric: string): string {
  return `${maxByJob(`deriv(${rangeVector(context(options), metric, win(options))})`)} * ${options.windowSeconds}`;
}

/** Request rate per job over time, for a chart (`query_range` with a step that respects the 11 000-point limit). */
export function requestRateSeries(
  options: Omit<ReportQueryOptions, 'windowSeconds'>,
  rateWindowSeconds: number,
): string {
  const ctx = context({ ...options, windowSeconds: 1 });
  return byJob(`rate(${rangeVector(ctx, options.convention.metrics.requests, `${rateWindowSeconds}s`)})`);
}

/**
 * Which of the given request metrics each job exposed in the window: `group by (job, __name__)` over the last
 * sample of each, so a job named on the command line can be matched to the convention its metrics follow.
 */
export function requestMetricProbe(jobs: readonly string[], metrics: readonly string[], windowSeconds: number): string {
  const names = [...metrics].sort().map(escapeRegex).join('|');
  const jobRe = [...jobs].sort().map(escapeRegex).join('|');
  return `group by (job, __name__) (last_over_time({__name__=~"${escapeLabelValue(names)}",job=~"${escapeLabelValue(jobRe)}"}[${windowSeconds}s]))`;
}
