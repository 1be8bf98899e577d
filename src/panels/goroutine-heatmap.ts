import type { PanelBuilder as HeatmapBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { goroutines as goroutinesQuery } from '../queries/runtime.ts';
import { houseRowsHeatmap } from './heatmap-base.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { promTarget } from './targets.ts';

export type GoroutineHeatmapOptions = PanelOptions;

/**
 * Goroutine-leak heatmap: one row per instance, colour = goroutines at that time (Spectral: blue for the smallest
 * count shown, red for the largest, on light and dark themes alike), so a leaking instance is a row that keeps
 * getting hotter. The growth line lives on
 * `goroutines()`, which the overview places beside it. Span @default 12
 */
export function goroutineHeatmap(options: GoroutineHeatmapOptions): HeatmapBuilder {
  const panel = resolvePanel(options, {
    titleKey: 'goroutineHeatmap.title',
    descriptionKey: 'goroutineHeatmap.description',
    span: 12,
  });
  return houseRowsHeatmap(
    panel,
    { unit: units.Short, valueName: panel.t('goroutineHeatmap.value'), scheme: 'Spectral' },
    [promTarget({ expr: goroutinesQuery(panel.ctx), legend: '{{instance}}' })],
  );
}
