import * as common from '@grafana/grafana-foundation-sdk/common';
import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { inFlight } from '../queries/runtime.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface InFlightOptions extends PanelOptions, CompareOptions {
  /** Yellow from this many concurrent requests per instance. @default 12000 */
  readonly warn?: number;
  /** Red from this many. @default 20000 */
  readonly bad?: number;
}

/**
 * Requests in flight per instance, thresholds drawn as dashed lines. Needs an in-flight gauge: with a convention
 * without one (gin, otel by default) it throws naming the panel and convention, so check
 * `convention.capabilities.inFlight` or name the gauge in the convention's overrides. Span @default 12
 */
export function inFlightRequests(options: InFlightOptions): TimeseriesBuilder {
  const { warn = 12000, bad = 20000 } = options;
  if (!options.convention.capabilities.inFlight) {
    throw new Error(
      `panel inFlightRequests(): convention "${options.convention.name}" has no in-flight gauge; ` +
        `name one with ${options.convention.name}({ metrics: { inFlight: '<gauge name>' } }) or leave this panel out`,
    );
  }
  const panel = resolvePanel(options, { titleKey: 'inFlight.title', descriptionKey: 'inFlight.description', span: 12 });
  const targets = seriesTargets(panel.ctx, (ctx) => [{ expr: inFlight(ctx), legend: '{{instance}}' }], options);
  return houseTimeseries(
    panel,
    units.Short,
    higherIsWorse(warn, bad),
    targets,
    common.GraphThresholdsStyleMode.Dashed,
  ).min(0);
}
