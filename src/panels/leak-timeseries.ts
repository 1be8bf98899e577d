import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import type { QueryContext } from '../queries/index.ts';
import { growth } from '../queries/runtime.ts';
import type { ResolvedPanel } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface LeakSeries {
  /** The gauge per instance, e.g. goroutines or open fds. */
  readonly value: (ctx: QueryContext) => string;
  /** The metric whose `deriv` is the growth line. */
  readonly metric: string;
  readonly growthWindow: string;
  readonly warn: number;
  readonly bad: number;
}

/**
 * The house leak view shared by the goroutine and file-handle panels: the gauge per instance drawn with a threshold
 * colour gradient (yellow, then red as it climbs), and its growth per second (`deriv` over a window) on a right axis
 * of its own, so a slow, steady climb stays visible next to counts in the thousands.
 */
export function leakTimeseries(panel: ResolvedPanel, series: LeakSeries, compare: CompareOptions): TimeseriesBuilder {
  const growthLegend = panel.t('goroutines.growth');
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [
      { expr: series.value(ctx), legend: '{{instance}}' },
      { expr: growth(ctx, series.metric, series.growthWindow), legend: growthLegend },
    ],
    compare,
  );
  return houseTimeseries(panel, units.Short, higherIsWorse(series.warn, series.bad), targets)
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
