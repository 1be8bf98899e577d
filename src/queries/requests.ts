import type { QueryContext } from './query-context.ts';
import { rate, sumBy } from './vectors.ts';

/** Requests per second, summed over the scope, optionally split by labels. */
export function requestRate(ctx: QueryContext, by: readonly string[] = []): string {
  return sumBy(by, rate(ctx, ctx.convention.metrics.requests));
}

/** Requests per second per status code. */
export function requestRateByStatus(ctx: QueryContext): string {
  return requestRate(ctx, [ctx.convention.labels.status]);
}

/** Requests per second per route. */
export function routeQps(ctx: QueryContext): string {
  return requestRate(ctx, [ctx.convention.labels.route]);
}
