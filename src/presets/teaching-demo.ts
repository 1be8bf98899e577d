import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { text } from '../i18n/locale.ts';
import { checkLocale } from '../panels/check-options.ts';
import { availability } from '../panels/availability.ts';
import { cpu } from '../panels/cpu.ts';
import { errorRate } from '../panels/error-rate.ts';
import { goroutines } from '../panels/goroutines.ts';
import { latency } from '../panels/latency.ts';
import { requestRate } from '../panels/request-rate.ts';
import { presetBase } from './dashboard-base.ts';
import type { PresetOptions } from './preset-options.ts';

export interface TeachingDemoOptions extends PresetOptions {
  /** Offsets offered by the `compare` variable; the first is the default. @default ['1h', '5m', '1d', '7d'] */
  readonly compareOffsets?: readonly string[];
}

/**
 * Live classroom view: 5 s refresh, `liveNow`, the last 15 minutes, and a `compare` variable whose value shifts an
 * overlay of every series (`offset $compare`), so the class sees now against N minutes, hours or days ago.
 */
export function teachingDemo(options: TeachingDemoOptions): dashboard.DashboardBuilder {
  const locale = checkLocale('teachingDemo()', options.locale);
  const offsets = options.compareOffsets ?? ['1h', '5m', '1d', '7d'];
  const first = offsets[0];
  if (first === undefined) throw new Error('teachingDemo(): compareOffsets must list at least one offset, e.g. ["1h"]');
  const { builder, panel } = presetBase(options, text(locale, 'dashboard.teachingDemo'), {
    from: 'now-15m',
    to: 'now',
  });
  builder
    .refresh('5s')
    .liveNow(true)
    .withVariable(
      new dashboard.CustomVariableBuilder('compare')
        .label(text(locale, 'compare.label'))
        .description(text(locale, 'compare.description'))
        .values(offsets.join(','))
        .current({ selected: true, text: first, value: first }),
    );
  const compared = { ...panel, compare: '$compare', compareLegendSuffix: text(locale, 'compare.suffix') };
  return builder
    .withPanel(requestRate(compared))
    .withPanel(errorRate(compared))
    .withPanel(latency(compared))
    .withPanel(goroutines(compared))
    .withPanel(cpu(compared))
    .withPanel(availability(panel));
}
