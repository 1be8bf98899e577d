import type { QueryContext } from './query-context.ts';
import { instant, rangeVector } from './vectors.ts';

/** `up` per target: 1 when the last scrape succeeded. */
export function upByInstance(ctx: QueryContext): string {
  return instant(ctx, ctx.convention.metrics.up);
}

/** Share of successful scrapes over the dashboard's time range (0-1), averaged over targets. */
export function availabilityRatio(ctx: QueryContext): string {
  return `avg(avg_over_time(${rangeVector(ctx, ctx.convention.metrics.up, '$__range')}))`;
}
