import * as common from '@grafana/grafana-foundation-sdk/common';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { ResolvedPanel } from './panel-options.ts';

/** House time series: 1px lines, 10 % fill, legend as a table at the bottom, thresholds drawn as given. */
export function houseTimeseries(
  panel: ResolvedPanel,
  unit: string,
  thresholds: dashboard.ThresholdsConfigBuilder,
  targets: readonly prometheus.DataqueryBuilder[],
  thresholdsStyle: common.GraphThresholdsStyleMode = common.GraphThresholdsStyleMode.Off,
): TimeseriesBuilder {
  const builder = new TimeseriesBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(unit)
    .thresholds(thresholds)
    .thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(thresholdsStyle))
    .span(panel.span)
    .height(panel.height)
    .lineWidth(1)
    .fillOpacity(10)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.List)
        .placement(common.LegendPlacement.Bottom),
    );
  for (const target of targets) builder.withTarget(target);
  return builder;
}
