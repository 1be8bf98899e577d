import type { QueryContext } from './query-context.ts';
import { instant, rangeVector, rate, sumBy } from './vectors.ts';

/** Goroutines per instance. */
export function goroutines(ctx: QueryContext): string {
  return sumBy(['instance'], instant(ctx, ctx.convention.metrics.goroutines));
}

/** Goroutines summed over the scope. */
export function goroutinesTotal(ctx: QueryContext): string {
  return sumBy([], instant(ctx, ctx.convention.metrics.goroutines));
}

/** Growth of a gauge per second by linear regression over `window`, per instance: a leak is a lasting positive slope. */
export function growth(ctx: QueryContext, metric: string, window: string): string {
  return sumBy(['instance'], `deriv(${rangeVector(ctx, metric, window)})`);
}

/** Open file descriptors per instance. */
export function openFds(ctx: QueryContext): string {
  return sumBy(['instance'], instant(ctx, ctx.convention.metrics.openFds));
}

/** Highest share of the fd limit in use over the instances (0-1). */
export function fdUsageRatio(ctx: QueryContext): string {
  const { metrics } = ctx.convention;
  return `max(${instant(ctx, metrics.openFds)} / ${instant(ctx, metrics.maxFds)})`;
}

/** Share of its fd limit each instance has open (0-1); `max` keeps one series per instance under any scope. */
export function fdUsageRatioByInstance(ctx: QueryContext): string {
  const { metrics } = ctx.convention;
  return `max by (instance) (${instant(ctx, metrics.openFds)} / ${instant(ctx, metrics.maxFds)})`;
}

/** Resident memory per instance. */
export function residentMemory(ctx: QueryContext): string {
  return sumBy(['instance'], instant(ctx, ctx.convention.metrics.residentMemory));
}

/** Heap in use per instance. */
export function heapInuse(ctx: QueryContext): string {
  return sumBy(['instance'], instant(ctx, ctx.convention.metrics.heapInuse));
}

/** Resident memory projected `horizonSeconds` ahead from the trend over `window` (`predict_linear`). */
export function residentMemoryProjection(ctx: QueryContext, window: string, horizonSeconds: number): string {
  return sumBy(
    ['instance'],
    `predict_linear(${rangeVector(ctx, ctx.convention.metrics.residentMemory, window)}, ${horizonSeconds})`,
  );
}

/** Garbage collections per second per instance. */
export function gcRate(ctx: QueryContext): string {
  return sumBy(['instance'], rate(ctx, `${ctx.convention.metrics.gcDuration}_count`));
}

/** A GC pause quantile the runtime summary exports (0, 0.25, 0.5, 0.75, 1), max over instances. */
export function gcPauseQuantile(ctx: QueryContext, q: number): string {
  return `max(${instant(ctx, ctx.convention.metrics.gcDuration, { quantile: String(q) })})`;
}

/** CPU cores used per instance (1 = one full core). */
export function cpuUsage(ctx: QueryContext): string {
  return sumBy(['instance'], rate(ctx, ctx.convention.metrics.cpuSeconds));
}

/** Seconds since the youngest process in scope started. */
export function uptime(ctx: QueryContext): string {
  return `min(time() - ${instant(ctx, ctx.convention.metrics.startTime)})`;
}

/** Requests in flight per instance. Throws when the convention has no in-flight gauge (check `capabilities.inFlight`). */
export function inFlight(ctx: QueryContext): string {
  const metric = ctx.convention.metrics.inFlight;
  if (metric === undefined || metric === '') {
    throw new Error(`inFlight(): convention "${ctx.convention.name}" has no in-flight gauge; set metrics.inFlight`);
  }
  return sumBy(['instance'], instant(ctx, metric));
}
