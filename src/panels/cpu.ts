import type { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { cpuUsage } from '../queries/runtime.ts';
import { resolvePanel, type PanelOptions } from './panel-options.ts';
import { seriesTargets, type CompareOptions } from './targets.ts';
import { higherIsWorse } from './thresholds.ts';
import { houseTimeseries } from './timeseries-base.ts';

export interface CpuOptions extends PanelOptions, CompareOptions {
  /** Yellow from this many cores (1 = 100 %). @default 0.7 */
  readonly warn?: number;
  /** Red from this many cores. @default 0.9 */
  readonly bad?: number;
}

/** CPU used per instance from `rate(process_cpu_seconds_total[…])`, 100 % = one core. Span @default 12 */
export function cpu(options: CpuOptions): TimeseriesBuilder {
  const { warn = 0.7, bad = 0.9 } = options;
  const panel = resolvePanel(options, { titleKey: 'cpu.title', descriptionKey: 'cpu.description', span: 12 });
  const targets = seriesTargets(panel.ctx, (ctx) => [{ expr: cpuUsage(ctx), legend: '{{instance}}' }], options);
  return houseTimeseries(panel, units.PercentUnit, higherIsWorse(warn, bad), targets).min(0);
}
