import * as common from '@grafana/grafana-foundation-sdk/common';
import * as heatmap from '@grafana/grafana-foundation-sdk/heatmap';
import { PanelBuilder as HeatmapBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import type { ResolvedPanel } from './panel-options.ts';

/** How the cells of a rows heatmap are coloured and labelled. */
export interface RowsHeatmapStyle {
  /** Unit of a cell's value (tooltip and colour legend). */
  readonly unit: string;
  /** Name of a cell's value in the tooltip. */
  readonly valueName: string;
  /**
   * A d3 colour scheme Grafana's heatmap knows, e.g. "Spectral". Grafana draws the diverging ones (Spectral, RdYlGn)
   * from cold to hot on both themes; sequential ones (Oranges) are flipped on the dark theme.
   */
  readonly scheme: string;
  /** Value the coldest colour stands for. @default the smallest value shown */
  readonly min?: number;
  /** Value the hottest colour stands for. @default the largest value shown */
  readonly max?: number;
}

/**
 * House heatmap of time series, one row per series: `calculate: false`, so Grafana joins the series and each one
 * becomes a row named by its legend (an ordinal y axis), coloured by its value at each point in time.
 * Grafana's heatmap ignores the standard field options (unit, thresholds, min/max): cell unit and colour range are
 * panel options (`cellValues`, `color`), which is where this puts them.
 */
export function houseRowsHeatmap(
  panel: ResolvedPanel,
  style: RowsHeatmapStyle,
  targets: readonly prometheus.DataqueryBuilder[],
): HeatmapBuilder {
  const color = new heatmap.HeatmapColorOptionsBuilder()
    .mode(heatmap.HeatmapColorMode.Scheme)
    .scheme(style.scheme)
    .fill('dark-orange')
    .scale(heatmap.HeatmapColorScale.Linear)
    .exponent(0.5)
    .steps(64)
    .reverse(false);
  if (style.min !== undefined) color.min(style.min);
  if (style.max !== undefined) color.max(style.max);
  const builder = new HeatmapBuilder()
    .title(panel.title)
    .description(panel.description)
    .span(panel.span)
    .height(panel.height)
    .calculate(false)
    .rowsFrame(new heatmap.RowsHeatmapOptionsBuilder().layout(common.HeatmapCellLayout.Unknown).value(style.valueName))
    .yAxis(new heatmap.YAxisConfigBuilder().axisPlacement(common.AxisPlacement.Left).reverse(false))
    .color(color)
    .cellValues(new heatmap.CellValuesBuilder().unit(style.unit))
    .showLegend()
    .tooltip(
      new heatmap.HeatmapTooltipBuilder().mode(common.TooltipDisplayMode.Single).yHistogram(false).showColorScale(true),
    );
  for (const target of targets) builder.withTarget(target);
  return builder;
}
