import * as common from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as GaugeBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { fdUsageRatio, openFds } from '../queries/runtime.ts';
import { GROWTH_WINDOW } from '../queries/vectors.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { leakTimeseries } from './leak-timeseries.ts';
import { promTarget, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { OPEN_FDS_THRESHOLDS } from './house-thresholds.ts';

export interface HandleLeakOptions extends PanelOptions, CompareOptions {
  /** Window of the `deriv` growth line: long enough to show sustained growth, not scrape-to-scrape noise. @default "10m" */
  readonly growthWindow?: string;
  /** Yellow from this many open fds per instance. @default 5000 */
  readonly warn?: number;
  /** Red from this many. @default 50000 */
  readonly bad?: number;
}

/**
 * Handle-leak view: open file descriptors per instance (threshold colours) and their growth per second (`deriv`) on a
 * right axis. Span @default 12
 */
export function handleLeak(options: HandleLeakOptions): TimeseriesBuilder {
  const { growthWindow = GROWTH_WINDOW, warn = OPEN_FDS_THRESHOLDS.warn, bad = OPEN_FDS_THRESHOLDS.bad } = options;
  const panel = resolvePanel(options, { titleKey: 'handles.title', descriptionKey: 'handles.description', span: 12 });
  return leakTimeseries(
    panel,
    { value: openFds, metric: panel.ctx.convention.metrics.openFds, growthWindow, warn, bad },
    options,
  );
}

export interface FdUsageOptions extends PanelOptions {
  /** @default 0.7 */
  readonly warn?: number;
  /** @default 0.9 */
  readonly bad?: number;
}

/** Open / max file descriptors of the fullest instance, as a gauge (0-100 %). Span @default 6 */
export function fdUsage(options: FdUsageOptions): GaugeBuilder {
  const { warn = 0.7, bad = 0.9 } = options;
  const panel = resolvePanel(options, { titleKey: 'fdUsage.title', descriptionKey: 'fdUsage.description', span: 6 });
  return new GaugeBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(units.PercentUnit)
    .min(0)
    .max(1)
    .thresholds(higherIsWorse(warn, bad))
    .showThresholdMarkers(true)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .span(panel.span)
    .height(panel.height)
    .withTarget(promTarget({ expr: fdUsageRatio(panel.ctx), legend: panel.t('fdUsage.title') }));
}
