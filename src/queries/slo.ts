import type { QueryContext } from './query-context.ts';
import { promqlNumber } from './compare.ts';
import { SERVER_ERROR_STATUS } from './errors.ts';
import type { Matcher } from './selector.ts';
import { selector } from './selector.ts';
import { rangeVector, rate, sumBy } from './vectors.ts';

/**
 * Matches a histogram bucket bound however the server stored it: Prometheus 2 keeps the exposition's text (`le="1"`
 * from the Go client's text format, `le="1.0"` from OpenMetrics), Prometheus 3 normalises to float form (`le="1.0"`).
 * Integers get `1(\.0)?`, other bounds their plain decimal with the dot escaped (`0\.25`).
 */
export function leMatcher(bound: number): Matcher {
  if (!(bound > 0)) throw new Error(`leMatcher(): bucket bound must be a positive number of seconds, got ${bound}`);
  const text = promqlNumber(bound).replace(/\./g, '\\.');
  return { re: Number.isInteger(bound) ? `${text}(\\.0)?` : text };
}

/** Requests per second over `ctx.rateWindow`, summed by `by`: the denominator of the availability SLO. */
export function sloRequests(ctx: QueryContext, by: readonly string[]): string {
  return sumBy(by, rate(ctx, ctx.convention.metrics.requests));
}

/**
 * 5xx responses per second, summed by `by`; `0` (not nothing) while there is traffic but no 5xx series yet, so the
 * recorded numerator exists whenever the denominator does.
 */
export function sloRequestErrors(ctx: QueryContext, by: readonly string[]): string {
  const { metrics, labels } = ctx.convention;
  return `${sumBy(by, rate(ctx, metrics.requests, { [labels.status]: { re: SERVER_ERROR_STATUS } }))} or (${sloRequests(ctx, by)} * 0)`;
}

/** Observations per second of the duration histogram (`_count`): the denominator of the latency SLO. */
export function sloLatencyRequests(ctx: QueryContext, by: readonly string[]): string {
  return sumBy(by, rate(ctx, `${ctx.convention.metrics.requestDuration}_count`));
}

/** Observations per second at or under `boundSeconds` (the `le` bucket, in both spellings). Needs a histogram. */
export function sloLatencyFast(ctx: QueryContext, boundSeconds: number, by: readonly string[]): string {
  const { convention } = ctx;
  if (!convention.capabilities.latencyHistogram) {
    throw new Error(
      `sloLatencyFast(): convention "${convention.name}" has no latency histogram, so no share of requests under a threshold exists`,
    );
  }
  return sumBy(by, rate(ctx, `${convention.metrics.requestDuration}_bucket`, { le: leMatcher(boundSeconds) }));
}

/** How an SLI's bad share is computed from recorded per-second rates: `bad / total`, or `(total - good) / total`. */
export type SliRecords =
  | { readonly kind: 'bad'; readonly bad: string; readonly total: string }
  | { readonly kind: 'good'; readonly good: string; readonly total: string };

/**
 * The bad share of an SLI from its recorded rates at one window, e.g. `job:slo_requests_errors:rate5m{job="api"} /
 * (job:slo_requests:rate5m{job="api"} > 0)`. Zero traffic gives no sample (not NaN), so nothing fires on an idle service.
 */
export function sliErrorRatio(ctx: QueryContext, records: SliRecords): string {
  const total = selector(records.total, ctx.scope);
  const bad =
    records.kind === 'bad' ? selector(records.bad, ctx.scope) : `(${total} - ${selector(records.good, ctx.scope)})`;
  return `${bad} / (${total} > 0)`;
}

/**
 * Multiwindow burn-rate condition: the bad share over both the long and the short window exceeds `factor` times the
 * error budget `1 - objective`. The alert's value is the long window's bad share.
 */
export function burnRateCondition(
  ctx: QueryContext,
  long: SliRecords,
  short: SliRecords,
  factor: number,
  objective: number,
): string {
  const threshold = promqlNumber(factor * (1 - objective));
  return `(${sliErrorRatio(ctx, long)} > ${threshold}) and (${sliErrorRatio(ctx, short)} > ${threshold})`;
}

/**
 * Share of the error budget left over `period` (1 = untouched, 0 = spent, negative = overspent), from the sums of the
 * recorded short-window rates over the period: numerator and denominator are summed separately, never ratios
 * averaged. A period without traffic has spent nothing: 1.
 */
export function errorBudgetRemaining(
  ctx: QueryContext,
  records: SliRecords,
  period: string,
  objective: number,
): string {
  const over = (name: string) => `sum_over_time(${rangeVector(ctx, name, period)})`;
  const total = over(records.total);
  const bad = records.kind === 'bad' ? over(records.bad) : `(${total} - ${over(records.good)})`;
  return `(1 - (${bad} / (${total} > 0)) / ${promqlNumber(1 - objective)}) or ((${total} == 0) + 1)`;
}
