import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelOptions } from '../panels/panel-options.ts';
import type { PresetOptions } from './preset-options.ts';
import { scopeVariables } from './variables.ts';
import { checkLocale } from '../panels/check-options.ts';

/** A dashboard with the house settings and the scope variables, and the options every panel of it shares. */
export interface PresetBase {
  readonly builder: dashboard.DashboardBuilder;
  readonly panel: PanelOptions;
}

export function presetBase(
  options: PresetOptions,
  defaultTitle: string,
  time: { from: string; to: string },
): PresetBase {
  const locale = checkLocale('preset', options.locale);
  const { variables, scope } = scopeVariables({
    convention: options.convention,
    locale,
    job: options.job,
    cluster: options.cluster,
  });
  const builder = new dashboard.DashboardBuilder(options.title ?? defaultTitle)
    .tags(['go', 'panelcraft'])
    .timezone('browser')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .time(time);
  if (options.uid !== undefined) builder.uid(options.uid);
  for (const variable of variables) builder.withVariable(variable);
  return { builder, panel: { convention: options.convention, locale, scope } };
}
