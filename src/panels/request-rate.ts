import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { requestRateByStatus } from '../queries/requests.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { thresholdSteps } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface RequestRateOptions extends PanelOptions, CompareOptions {}

/** Requests per second by status code. Span @default 12 */
export function requestRate(options: RequestRateOptions): TimeseriesBuilder {
  const panel = resolvePanel(options, {
    titleKey: 'requestRate.title',
    descriptionKey: 'requestRate.description',
    span: 12,
  });
  const status = panel.ctx.convention.labels.status;
  const targets = seriesTargets(
    panel.ctx,
    (ctx) => [{ expr: requestRateByStatus(ctx), legend: `{{${status}}}` }],
    options,
  );
  return houseTimeseries(panel, units.RequestsPerSecond, thresholdSteps([{ from: null, color: 'green' }]), targets).min(
    0,
  );
}
