import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { text } from '../i18n/locale.ts';
import { checkLocale } from '../panels/check-options.ts';
import { latency } from '../panels/latency.ts';
import { moduleErrors } from '../panels/module-errors.ts';
import { routeMatrixTable } from '../panels/route-matrix.ts';
import { presetBase } from './dashboard-base.ts';
import type { PresetOptions } from './preset-options.ts';

/** Per-route view: the route table (busiest first), the 5xx share per route, and overall latency. */
export function routeMatrix(options: PresetOptions): dashboard.DashboardBuilder {
  const locale = checkLocale('routeMatrix()', options.locale);
  const { builder, panel } = presetBase(options, text(locale, 'dashboard.routeMatrix'), { from: 'now-1h', to: 'now' });
  return builder
    .refresh('1m')
    .withPanel(routeMatrixTable({ ...panel, height: 12 }))
    .withPanel(moduleErrors(panel))
    .withPanel(latency(panel));
}
