import { arrayAt, isJsonObject, stringAt } from '../../model/json.ts';
import { angularReplacement } from '../angular-panels.ts';
import { walkPanels } from '../panels.ts';
import type { DashboardRule } from '../rule.ts';

/** Below this, Grafana 12's dashboard API first refused to migrate (`MIN_VERSION` in `apps/dashboard/pkg/migration/schemaversion/migrations.go`, grafana/grafana PR #102088). */
export const LEGACY_SCHEMA_VERSION_BELOW = 37;

/**
 * One warning that explains an old dashboard as a whole: Grafana migrates it at every load, and its Angular
 * panels are gone in Grafana 12. The lint report folds the schema findings this implies into it.
 */
export const schemaVersionOld: DashboardRule = {
  id: 'schema-version-old',
  description: `schemaVersion is present and at least ${LEGACY_SCHEMA_VERSION_BELOW}`,
  defaultSeverity: 'warning',
  check({ dashboard }) {
    const version = dashboard.schemaVersion;
    if (typeof version === 'number' && version >= LEGACY_SCHEMA_VERSION_BELOW) return [];
    const what =
      typeof version === 'number'
        ? `schemaVersion ${version} is old: Grafana migrates the dashboard at every load, from ${version} to its current version`
        : `schemaVersion is ${version === undefined ? 'missing' : `${JSON.stringify(version)}, not a number`}: Grafana treats it as 0 and runs every migration at load`;
    const angular = angularPanels(dashboard);
    const angularText = angular.length === 0 ? '' : `; Angular panels removed in Grafana 12: ${angular.join(', ')}`;
    return [
      {
        pointer: '/schemaVersion',
        message:
          `${what} (string datasources become refs, legends, tables and thresholds are rewritten), so this file is ` +
          `not what users see${angularText}`,
        fix:
          'migrate once and keep the modern JSON: `panelcraft import FILE.json --out dashboards/<folder>` to get .ts source built for your ' +
          'grafanaVersion, or open and save the dashboard in a current Grafana and export it again',
      },
    ];
  },
};

function angularPanels(dashboard: Parameters<typeof walkPanels>[0]): string[] {
  const panels = [
    ...walkPanels(dashboard).map((p) => p.panel),
    ...arrayAt(dashboard, 'rows')
      .filter(isJsonObject)
      .flatMap((row) => arrayAt(row, 'panels').filter(isJsonObject)),
  ];
  return panels.flatMap((panel) => {
    const type = stringAt(panel, 'type');
    const replacement = angularReplacement(type);
    if (replacement === undefined) return [];
    const title = stringAt(panel, 'title');
    return [`${title ? `"${title}"` : '(untitled)'} (${type} → use ${replacement})`];
  });
}
