import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { gcPauseQuantile, gcRate } from '../queries/runtime.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface GcFrequencyOptions extends PanelOptions, CompareOptions {
  /** Yellow from this many collections per second. @default 2 */
  readonly warn?: number;
  /** Red from this many. @default 10 */
  readonly bad?: number;
}

/** Garbage collections per second per instance (`rate(go_gc_duration_seconds_count[…])`). Span @default 12 */
export function gcFrequency(options: GcFrequencyOptions): TimeseriesBuilder {
  const { warn = 2, bad = 10 } = options;
  const panel = resolvePanel(options, {
    titleKey: 'gcFrequency.title',
    descriptionKey: 'gcFrequency.description',
    span: 12,
  });
  const targets = seriesTargets(panel.ctx, (ctx) => [{ expr: gcRate(ctx), legend: '{{instance}}' }], options);
  return houseTimeseries(panel, units.OpsPerSecond, higherIsWorse(warn, bad), targets).min(0);
}

export interface GcPauseOptions extends PanelOptions, CompareOptions {
  /** Yellow from this pause in seconds. @default 0.01 */
  readonly warn?: number;
  /** Red from this pause. @default 0.1 */
  readonly bad?: number;
}

/** GC pause: p75 and max from the runtime's own summary quantiles, worst instance. Span @default 12 */
export function gcPause(options: GcPauseOptions): TimeseriesBuilder {
  const { warn = 0.01, bad = 0.1 } = options;
  const panel = resolvePanel(options, { titleKey: 'gcPause.title', descriptionKey: 'gcPause.description', span: 12 });
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [
      { expr: gcPauseQuantile(ctx, 0.75), legend: panel.t('gcPause.p75') },
      { expr: gcPauseQuantile(ctx, 1), legend: panel.t('gcPause.max') },
    ],
    options,
  );
  return houseTimeseries(panel, units.Seconds, higherIsWorse(warn, bad), targets).min(0);
}
