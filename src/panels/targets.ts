import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import type { QueryContext } from '../queries/query-context.ts';

/** One series a panel draws: its PromQL and legend. */
export interface SeriesSpec {
  readonly expr: string;
  readonly legend?: string;
}

/** A range query in the house style. No refId or datasource: the build's normalization adds them. */
export function promTarget(spec: SeriesSpec): prometheus.DataqueryBuilder {
  const target = new prometheus.DataqueryBuilder().expr(spec.expr).range();
  if (spec.legend !== undefined) target.legendFormat(spec.legend);
  return target;
}

/** An instant query returning a table (one row per series), for table panels. */
export function promTableTarget(expr: string): prometheus.DataqueryBuilder {
  return new prometheus.DataqueryBuilder().expr(expr).instant().format(prometheus.PromQueryFormat.Table);
}

/** Comparison overlay: the same series `offset` ago, e.g. "$compare" or "1d". */
export interface CompareOptions {
  /** PromQL offset for the overlay; no overlay when unset. */
  readonly compare?: string;
  /** Legend suffix of the overlay series. @default ` (${compare} ago)` */
  readonly compareLegendSuffix?: string;
}

/** Targets for `series(ctx)`, followed by the same series shifted by `compare` when asked. */
export function seriesTargets(
  ctx: QueryContext,
  series: (ctx: QueryContext) => readonly SeriesSpec[],
  compare: CompareOptions = {},
): prometheus.DataqueryBuilder[] {
  const targets = series(ctx).map(promTarget);
  if (compare.compare !== undefined) {
    const suffix = compare.compareLegendSuffix ?? ` (${compare.compare} ago)`;
    for (const spec of series({ ...ctx, offset: compare.compare })) {
      targets.push(promTarget({ expr: spec.expr, legend: `${spec.legend ?? ''}${suffix}` }));
    }
  }
  return targets;
}
