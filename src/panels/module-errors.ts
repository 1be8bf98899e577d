import * as common from '@grafana/grafana-foundation-sdk/common';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { errorRatio } from '../queries/errors.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';
import { ERROR_RATIO_THRESHOLDS } from './house-thresholds.ts';

export interface ModuleErrorsOptions extends PanelOptions, CompareOptions {
  /** Label on the request counter that names the module. @default the convention's route label */
  readonly label?: string;
  /** @default 0.005 */
  readonly warn?: number;
  /** @default 0.01 */
  readonly bad?: number;
}

/** 5xx share per value of a configurable label (module, route, …). Span @default 12 */
export function moduleErrors(options: ModuleErrorsOptions): TimeseriesBuilder {
  const { warn = ERROR_RATIO_THRESHOLDS.warn, bad = ERROR_RATIO_THRESHOLDS.bad } = options;
  const label = options.label ?? options.convention.labels.route;
  const panel = resolvePanel(options, {
    titleKey: 'moduleErrors.title',
    descriptionKey: 'moduleErrors.description',
    span: 12,
    params: { label },
  });
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [{ expr: errorRatio(ctx, [label]), legend: `{{${label}}}` }],
    options,
  );
  return houseTimeseries(
    panel,
    units.PercentUnit,
    higherIsWorse(warn, bad),
    targets,
    common.GraphThresholdsStyleMode.Dashed,
  ).min(0);
}
