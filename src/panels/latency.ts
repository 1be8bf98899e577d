import * as common from '@grafana/grafana-foundation-sdk/common';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { latencyMean, latencyMode, latencyQuantile } from '../queries/latency.ts';
import type { QueryContext } from '../queries/query-context.ts';
import { checkQuantiles } from './check-options.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions, type SeriesSpec } from './targets.ts';
import { thresholdSteps } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';
import { LATENCY_SLO_SECONDS } from './house-thresholds.ts';

export interface LatencyOptions extends PanelOptions, CompareOptions {
  /** SLO in seconds, drawn as a red threshold line. @default 0.8 */
  readonly sloSeconds?: number;
  /** Percentiles to draw. @default [0.5, 0.95, 0.99] */
  readonly quantiles?: readonly number[];
}

/** `0.95` → `P95`. */
export function percentileLabel(q: number): string {
  return `P${Math.round(q * 1000) / 10}`;
}

/**
 * Request latency percentiles with the SLO as a threshold line. With a convention that has no histogram and no
 * matching summary quantiles (gin), it degrades to the mean from `_sum / _count`, retitled and with a note in the
 * description, never an empty panel. Span @default 12
 */
export function latency(options: LatencyOptions): TimeseriesBuilder {
  const { sloSeconds = LATENCY_SLO_SECONDS } = options;
  const quantiles = checkQuantiles(
    `latency panel "${options.title ?? 'Latency'}"`,
    options.quantiles ?? [0.5, 0.95, 0.99],
  );
  const mode = latencyMode(options.convention, quantiles);
  // The default title names the percentiles drawn: [0.5, 0.99] is "Latency P50 / P99".
  const params = { percentiles: quantiles.map(percentileLabel).join(' / ') };
  const panel = resolvePanel(
    options,
    mode === 'mean'
      ? { titleKey: 'latency.meanTitle', descriptionKey: 'latency.description', note: 'latency.meanNote', span: 12 }
      : { titleKey: 'latency.title', descriptionKey: 'latency.description', span: 12, params },
  );
  const series = (ctx: QueryContext): SeriesSpec[] =>
    mode === 'mean'
      ? [{ expr: latencyMean(ctx), legend: panel.t('latency.mean') }]
      : quantiles.map((q) => ({ expr: latencyQuantile(ctx, q), legend: percentileLabel(q) }));
  const thresholds = thresholdSteps([
    { from: null, color: 'green' },
    { from: sloSeconds, color: 'red' },
  ]);
  return houseTimeseries(
    panel,
    units.Seconds,
    thresholds,
    seriesTargets(panel.ctx, series, options),
    common.GraphThresholdsStyleMode.Line,
  ).min(0);
}
