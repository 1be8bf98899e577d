import * as common from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder as StatBuilder } from '@grafana/grafana-foundation-sdk/stat';
import * as units from '@grafana/grafana-foundation-sdk/units';
import type { MessageKey } from '../i18n/locale.ts';
import { availabilityRatio } from '../queries/availability.ts';
import { errorRatio } from '../queries/errors.ts';
import { latencyMean, latencyMode, latencyQuantile } from '../queries/latency.ts';
import type { QueryContext } from '../queries/query-context.ts';
import { requestRate } from '../queries/requests.ts';
import { goroutinesTotal, uptime } from '../queries/runtime.ts';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { resolvePanel, type PanelDefaults, type PanelOptions } from './panel-options.ts';
import { promTarget } from './targets.ts';
import { higherIsWorse, lowerIsWorse, thresholdSteps } from './thresholds.ts';
import {
  AVAILABILITY_THRESHOLDS,
  ERROR_RATIO_THRESHOLDS,
  GOROUTINE_THRESHOLDS,
  LATENCY_SLO_SECONDS,
} from './house-thresholds.ts';

/** The numbers a reviewer asks for first. */
export type KpiKind = 'availability' | 'p95' | 'errors' | 'qps' | 'uptime' | 'goroutines';

export const KPI_KINDS: readonly KpiKind[] = ['availability', 'p95', 'errors', 'qps', 'uptime', 'goroutines'];

export interface KpiStatOptions extends PanelOptions {
  readonly kpi: KpiKind;
  /** P95 card turns red at this many seconds. @default 0.8 */
  readonly sloSeconds?: number;
  /** Show a sparkline under the value. @default true */
  readonly sparkline?: boolean;
}

interface KpiSpec {
  readonly defaults: PanelDefaults;
  readonly unit: string;
  readonly thresholds: dashboard.ThresholdsConfigBuilder;
  readonly expr: (ctx: QueryContext) => string;
  readonly decimals?: number;
}

function kpiSpec(options: KpiStatOptions): KpiSpec {
  const slo = options.sloSeconds ?? LATENCY_SLO_SECONDS;
  const card = (key: string, span = 4): PanelDefaults => ({
    titleKey: `kpi.${key}.title` as MessageKey,
    descriptionKey: `kpi.${key}.description` as MessageKey,
    span,
    height: 5,
  });
  switch (options.kpi) {
    case 'availability':
      return {
        defaults: card('availability'),
        unit: units.PercentUnit,
        decimals: 2,
        thresholds: lowerIsWorse(AVAILABILITY_THRESHOLDS.bad, AVAILABILITY_THRESHOLDS.target),
        expr: availabilityRatio,
      };
    case 'p95': {
      const mean = latencyMode(options.convention, [0.95]) === 'mean';
      return {
        defaults: mean ? { ...card('meanLatency'), note: 'latency.meanNote' } : card('p95'),
        unit: units.Seconds,
        thresholds: thresholdSteps([
          { from: null, color: 'green' },
          { from: slo, color: 'red' },
        ]),
        expr: (ctx) => (mean ? latencyMean(ctx) : latencyQuantile(ctx, 0.95)),
      };
    }
    case 'errors':
      return {
        defaults: card('errors'),
        unit: units.PercentUnit,
        decimals: 2,
        thresholds: higherIsWorse(ERROR_RATIO_THRESHOLDS.warn, ERROR_RATIO_THRESHOLDS.bad),
        expr: (ctx) => errorRatio(ctx),
      };
    case 'qps':
      return {
        defaults: card('qps'),
        unit: units.RequestsPerSecond,
        thresholds: thresholdSteps([{ from: null, color: 'green' }]),
        expr: (ctx) => requestRate(ctx),
      };
    case 'uptime':
      return {
        defaults: card('uptime'),
        unit: units.DurationSeconds,
        thresholds: lowerIsWorse(300, 3600),
        expr: uptime,
      };
    case 'goroutines':
      return {
        defaults: card('goroutines'),
        unit: units.Short,
        thresholds: higherIsWorse(GOROUTINE_THRESHOLDS.warn, GOROUTINE_THRESHOLDS.bad),
        expr: goroutinesTotal,
      };
  }
}

/**
 * One big stat card: availability % over the range, P95 (mean with a note when the convention has no
 * percentiles), error %, QPS, uptime from `process_start_time_seconds`, or goroutines. Span @default 4
 */
export function kpiStat(options: KpiStatOptions): StatBuilder {
  const spec = kpiSpec(options);
  const panel = resolvePanel(options, spec.defaults);
  const stat = new StatBuilder()
    .title(panel.title)
    .description(panel.description)
    .unit(spec.unit)
    .thresholds(spec.thresholds)
    .colorMode(common.BigValueColorMode.Background)
    .graphMode(options.sparkline === false ? common.BigValueGraphMode.None : common.BigValueGraphMode.Area)
    .textMode(common.BigValueTextMode.Value)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .span(panel.span)
    .height(panel.height)
    .withTarget(promTarget({ expr: spec.expr(panel.ctx), legend: panel.title }));
  if (spec.decimals !== undefined) stat.decimals(spec.decimals);
  return stat;
}
