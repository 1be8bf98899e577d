import type { QueryContext } from './query-context.ts';
import { instant, rangeVector, rate } from './vectors.ts';

/** Targets whose last scrape failed: `up{…} == 0`, one series per instance. */
export function targetDown(ctx: QueryContext): string {
  return `${instant(ctx, ctx.convention.metrics.up)} == 0`;
}

/** 1 when no `up` series of the scope exists at all (the target vanished from service discovery or was never there). */
export function targetAbsent(ctx: QueryContext): string {
  return `absent(${instant(ctx, ctx.convention.metrics.up)})`;
}

/** Requests in flight per series (job and instance kept), for a per-instance threshold. */
export function inFlightSeries(ctx: QueryContext): string {
  const metric = ctx.convention.metrics.inFlight;
  if (metric === undefined || metric === '')
    throw new Error(
      `inFlightSeries(): convention "${ctx.convention.name}" has no in-flight gauge; set metrics.inFlight`,
    );
  return instant(ctx, metric);
}

/** Goroutines gained per second per instance, by linear regression over `window`: one burst averages out, a leak does not. */
export function goroutineGrowth(ctx: QueryContext, window: string): string {
  return `deriv(${rangeVector(ctx, ctx.convention.metrics.goroutines, window)})`;
}

/** Instances whose open fds, extrapolated `horizonSeconds` ahead from the trend over `window`, reach their fd limit. */
export function fdsExhaustedWithin(ctx: QueryContext, window: string, horizonSeconds: number): string {
  const { metrics } = ctx.convention;
  return `predict_linear(${rangeVector(ctx, metrics.openFds, window)}, ${horizonSeconds}) >= ${instant(ctx, metrics.maxFds)}`;
}

/** Resident memory `horizonSeconds` ahead (trend over `window`) divided by resident memory now, per instance. */
export function residentMemoryGrowthRatio(ctx: QueryContext, window: string, horizonSeconds: number): string {
  const rss = ctx.convention.metrics.residentMemory;
  return `predict_linear(${rangeVector(ctx, rss, window)}, ${horizonSeconds}) / ${instant(ctx, rss)}`;
}

/** Garbage collections per second per instance, over `ctx.rateWindow`. */
export function gcCyclesPerSecond(ctx: QueryContext): string {
  return rate(ctx, `${ctx.convention.metrics.gcDuration}_count`);
}
