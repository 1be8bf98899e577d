import type { Convention } from '../conventions/convention.ts';
import type { QueryContext } from './query-context.ts';
import { selector } from './selector.ts';
import { rate, sumBy } from './vectors.ts';

/** How a convention can answer "how slow": percentiles from a histogram, from a summary's own quantiles, or only the mean. */
export type LatencyMode = 'histogram' | 'summary' | 'mean';

export function latencyMode(convention: Convention, quantiles: readonly number[]): LatencyMode {
  if (convention.capabilities.latencyHistogram) return 'histogram';
  const exported = convention.capabilities.summaryQuantiles;
  if (quantiles.length > 0 && quantiles.every((q) => exported.includes(q))) return 'summary';
  return 'mean';
}

/** True when percentiles per route exist (a histogram carrying the route label). */
export function hasRouteLatency(convention: Convention): boolean {
  return convention.capabilities.latencyHistogram && convention.capabilities.perRouteLatency;
}

/**
 * The q-quantile of request duration in seconds. Histogram: `histogram_quantile(q, sum by (le, …) (rate(x_bucket[…])))`,
 * keeping `le`. Summary: the exported quantile series, max over instances (summaries cannot be aggregated).
 * Throws when the convention can answer neither; check `latencyMode()` first and use `latencyMean()`.
 */
export function latencyQuantile(ctx: QueryContext, q: number, by: readonly string[] = []): string {
  const { convention } = ctx;
  const base = convention.metrics.requestDuration;
  if (convention.capabilities.latencyHistogram) {
    return `histogram_quantile(${q}, ${sumBy(['le', ...by], rate(ctx, `${base}_bucket`))})`;
  }
  if (convention.capabilities.summaryQuantiles.includes(q)) {
    const series = selector(base, { ...ctx.scope, quantile: String(q) }) + (ctx.offset ? ` offset ${ctx.offset}` : '');
    return by.length === 0 ? `max(${series})` : `max by (${by.join(', ')}) (${series})`;
  }
  throw new Error(
    `latencyQuantile(${q}): convention "${convention.name}" has no latency histogram and its summary ` +
      `"${base}" exports no ${q} quantile; use latencyMean() or a convention with a histogram`,
  );
}

/** Mean request duration in seconds from `_sum / _count`: works for histograms and summaries alike. */
export function latencyMean(ctx: QueryContext, by: readonly string[] = []): string {
  const base = ctx.convention.metrics.requestDuration;
  return `${sumBy(by, rate(ctx, `${base}_sum`))} / ${sumBy(by, rate(ctx, `${base}_count`))}`;
}

/** P-quantile per route; only with `hasRouteLatency()`. */
export function routeLatencyQuantile(ctx: QueryContext, q: number): string {
  if (!hasRouteLatency(ctx.convention)) {
    throw new Error(
      `routeLatencyQuantile(${q}): convention "${ctx.convention.name}" has no per-route latency histogram; ` +
        'check hasRouteLatency() and leave the percentile columns out',
    );
  }
  return latencyQuantile(ctx, q, [ctx.convention.labels.route]);
}
