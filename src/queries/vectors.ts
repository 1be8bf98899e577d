import type { QueryContext } from './query-context.ts';
import { selector, type Matchers } from './selector.ts';

/** Rate window Grafana sizes from the scrape interval and step. */
/** Default window of leak growth lines (`deriv` over a gauge): sustained growth, not noise. */
export const GROWTH_WINDOW = '10m';

export const RATE_INTERVAL = '$__rate_interval';

function offsetSuffix(ctx: QueryContext): string {
  return ctx.offset ? ` offset ${ctx.offset}` : '';
}

/** Instant vector selector in scope: `metric{scope…,extra…}` (+ offset). */
export function instant(ctx: QueryContext, metric: string, extra: Matchers = {}): string {
  return `${selector(metric, { ...ctx.scope, ...extra })}${offsetSuffix(ctx)}`;
}

/** Range vector selector in scope: `metric{…}[window]` (+ offset). */
export function rangeVector(ctx: QueryContext, metric: string, window: string, extra: Matchers = {}): string {
  return `${selector(metric, { ...ctx.scope, ...extra })}[${window}]${offsetSuffix(ctx)}`;
}

/** `rate(metric{…}[$__rate_interval])`, or over `ctx.rateWindow` when the context fixes one (rule files). */
export function rate(ctx: QueryContext, metric: string, extra: Matchers = {}): string {
  return `rate(${rangeVector(ctx, metric, ctx.rateWindow ?? RATE_INTERVAL, extra)})`;
}

/** `sum(x)` or `sum by (a, b) (x)`. */
export function sumBy(by: readonly string[], expr: string): string {
  return by.length === 0 ? `sum(${expr})` : `sum by (${by.join(', ')}) (${expr})`;
}
