import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { text } from '../i18n/locale.ts';
import { checkLocale } from '../panels/check-options.ts';
import { KPI_KINDS, kpiStat } from '../panels/kpi-stat.ts';
import { presetBase } from './dashboard-base.ts';
import type { PresetOptions } from './preset-options.ts';

/** Big stat cards only, three per row, for the projector on defense day. */
export function defenseKpis(options: PresetOptions): dashboard.DashboardBuilder {
  const locale = checkLocale('defenseKpis()', options.locale);
  const { builder, panel } = presetBase(options, text(locale, 'dashboard.defenseKpis'), { from: 'now-1h', to: 'now' });
  builder.refresh('30s');
  for (const kpi of KPI_KINDS) builder.withPanel(kpiStat({ ...panel, kpi, span: 8, height: 8 }));
  return builder;
}
