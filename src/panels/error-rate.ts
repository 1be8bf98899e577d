import * as common from '@grafana/grafana-foundation-sdk/common';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { errorRatio } from '../queries/errors.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';
import { ERROR_RATIO_THRESHOLDS } from './house-thresholds.ts';

export interface ErrorRateOptions extends PanelOptions, CompareOptions {
  /** Yellow from this 5xx share. @default 0.005 */
  readonly warn?: number;
  /** Red from this 5xx share. @default 0.01 */
  readonly bad?: number;
}

/** 5xx / all requests (0-1), thresholds drawn as dashed lines. Span @default 12 */
export function errorRate(options: ErrorRateOptions): TimeseriesBuilder {
  const { warn = ERROR_RATIO_THRESHOLDS.warn, bad = ERROR_RATIO_THRESHOLDS.bad } = options;
  const panel = resolvePanel(options, {
    titleKey: 'errorRate.title',
    descriptionKey: 'errorRate.description',
    span: 12,
  });
  const targets = seriesTargets(panel.ctx, (ctx) => [{ expr: errorRatio(ctx), legend: '5xx' }], options);
  return houseTimeseries(
    panel,
    units.PercentUnit,
    higherIsWorse(warn, bad),
    targets,
    common.GraphThresholdsStyleMode.Dashed,
  ).min(0);
}
