import type * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { heapInuse, residentMemory, residentMemoryProjection } from '../queries/runtime.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';
import { MEMORY_THRESHOLDS } from './house-thresholds.ts';

export interface MemoryOptions extends PanelOptions, CompareOptions {
  /** Trend window the projection fits. @default "1h" */
  readonly trendWindow?: string;
  /** How far ahead the projection looks, in seconds. @default 14400 (4 h) */
  readonly horizonSeconds?: number;
  /** Yellow from this many bytes per instance. @default 1 GiB */
  readonly warn?: number;
  /** Red from this many bytes. @default 2 GiB */
  readonly bad?: number;
}

/** Memory trend: RSS and heap in use per instance, and RSS projected ahead by `predict_linear` (dashed). Span @default 12 */
export function memory(options: MemoryOptions): TimeseriesBuilder {
  const {
    trendWindow = '1h',
    horizonSeconds = 4 * 3600,
    warn = MEMORY_THRESHOLDS.warn,
    bad = MEMORY_THRESHOLDS.bad,
  } = options;
  const panel = resolvePanel(options, { titleKey: 'memory.title', descriptionKey: 'memory.description', span: 12 });
  const projectionLegend = panel.t('memory.projection');
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [
      { expr: residentMemory(ctx), legend: panel.t('memory.rss') },
      { expr: heapInuse(ctx), legend: panel.t('memory.heap') },
      { expr: residentMemoryProjection(ctx, trendWindow, horizonSeconds), legend: projectionLegend },
    ],
    options,
  );
  const projectionPrefix = projectionLegend.split('{{')[0] ?? projectionLegend;
  return houseTimeseries(panel, units.BytesIEC, higherIsWorse(warn, bad), targets)
    .min(0)
    .overrideByRegexp(`^${projectionPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, [
      { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } satisfies common.LineStyle },
      { id: 'custom.fillOpacity', value: 0 },
      { id: 'color', value: { mode: dashboard.FieldColorModeId.Fixed, fixedColor: 'orange' } },
    ]);
}
