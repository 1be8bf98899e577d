import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { goroutines as goroutinesQuery } from '../queries/runtime.ts';
import { GROWTH_WINDOW } from '../queries/vectors.ts';
import { leakTimeseries } from './leak-timeseries.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import type { CompareOptions } from './targets.ts';
import { GOROUTINE_THRESHOLDS } from './house-thresholds.ts';

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
  const { growthWindow = GROWTH_WINDOW, warn = GOROUTINE_THRESHOLDS.warn, bad = GOROUTINE_THRESHOLDS.bad } = options;
  const panel = resolvePanel(options, {
    titleKey: 'goroutines.title',
    descriptionKey: 'goroutines.description',
    span: 12,
  });
  return leakTimeseries(
    panel,
    { value: goroutinesQuery, metric: panel.ctx.convention.metrics.goroutines, growthWindow, warn, bad },
    options,
  );
}
