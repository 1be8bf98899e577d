import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { goroutines as goroutinesQuery, growth } from '../queries/runtime.ts';
import { GROWTH_WINDOW } from '../queries/vectors.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface GoroutinesOptions extends PanelOptions, CompareOptions {
  /** Window of the `deriv` growth line: long enough to show sustained growth, not scrape-to-scrape noise. @default "10m" */
  readonly growthWindow?: string;
  /** Colour scale: yellow from this many goroutines per instance. @default 1000 */
  readonly warn?: number;
  /** Colour scale: red from this many. @default 10000 */
  readonly bad?: number;
}

/**
 * Goroutine-leak view: goroutines per instance drawn with a threshold colour gradient (the line turns yellow then
 * red as the count climbs), plus growth per second (`deriv` over `growthWindow`) on the right axis. Span @default 12
 */
export function goroutines(options: GoroutinesOptions): TimeseriesBuilder {
  const { growthWindow = GROWTH_WINDOW, warn = 1000, bad = 10000 } = options;
  const panel = resolvePanel(options, { titleKey: 'goroutines.title', descriptionKey: 'goroutines.description', span: 12 });
  const growthLegend = panel.t('goroutines.growth');
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [
      { expr: goroutinesQuery(ctx), legend: '{{instance}}' },
      { expr: growth(ctx, ctx.convention.metrics.goroutines, growthWindow), legend: growthLegend },
    ],
    options,
  );
  return houseTimeseries(panel, units.Short, higherIsWorse(warn, bad), targets)
    .gradientMode(common.GraphGradientMode.Scheme)
    .colorScheme(new dashboard.FieldColorBuilder().mode(dashboard.FieldColorModeId.Thresholds))
    .overrideByRegexp(`^${escapeRegExp(growthLegend).replace(escapeRegExp('{{instance}}'), '.*')}`, [
      { id: 'custom.axisPlacement', value: common.AxisPlacement.Right },
      { id: 'custom.gradientMode', value: common.GraphGradientMode.None },
      { id: 'color', value: { mode: dashboard.FieldColorModeId.PaletteClassic } },
    ]);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
