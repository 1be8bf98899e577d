import type { PanelBuilder as HeatmapBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { fdUsageRatioByInstance } from '../queries/runtime.ts';
import { houseRowsHeatmap } from './heatmap-base.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { promTarget } from './targets.ts';

export type FdHeatmapOptions = PanelOptions;

/**
 * Handle-leak heatmap: one row per instance, colour = open / max file descriptors on a fixed 0-1 scale (RdYlGn as
 * Grafana draws it: green at 0, yellow at 0.5, red at the limit, on light and dark themes alike), so rows are comparable across instances and over time.
 * Span @default 12
 */
export function fdHeatmap(options: FdHeatmapOptions): HeatmapBuilder {
  const panel = resolvePanel(options, {
    titleKey: 'fdHeatmap.title',
    descriptionKey: 'fdHeatmap.description',
    span: 12,
  });
  return houseRowsHeatmap(
    panel,
    { unit: units.PercentUnit, valueName: panel.t('fdHeatmap.value'), scheme: 'RdYlGn', min: 0, max: 1 },
    [promTarget({ expr: fdUsageRatioByInstance(panel.ctx), legend: '{{instance}}' })],
  );
}
