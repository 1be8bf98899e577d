import { canonicalJson } from '../../../src/model/canonical-json.ts';
import type { JsonObject } from '../../../src/model/json.ts';
import { normalizeDashboard, type NormalizeOptions } from '../../../src/build/normalize-dashboard.ts';
import { schemaVersionFor } from '../../../src/model/grafana-version.ts';
import { stableUid } from '../../../src/model/stable-uid.ts';
import { DEFAULT_CONFIG } from '../../../src/config/config.ts';
import { importDashboard } from '../../../src/import/import-dashboard.ts';
import { withSdkDefaults } from '../../../src/import/sdk-defaults.ts';

/**
 * What `panelcraft build` must write for a dashboard file imported to `source` (path below dashboards/): the file
 * cleaned up and upgraded by importDashboard, normalized as the build does (the import writes that), completed by
 * the defaults its SDK builders start from, and normalized again by the build.
 */
export function expectedBuild(file: JsonObject, source: string): string {
  const imported = importDashboard(file, [12, 1]);
  if (!imported.ok) throw new Error(`not imported: ${JSON.stringify(imported.findings)}`);
  return expectedFromImported(imported.dashboard, source);
}

/** The same, from a dashboard importDashboard already returned. */
export function expectedFromImported(dashboard: JsonObject, source: string): string {
  const version = schemaVersionFor(DEFAULT_CONFIG.grafanaVersion);
  if (!version.ok) throw new Error(version.message);
  const options: NormalizeOptions = {
    fallbackUid: stableUid(source),
    schemaVersion: version.schemaVersion,
    editable: DEFAULT_CONFIG.editable,
    datasourceUid: DEFAULT_CONFIG.datasource.uid,
    datasourceName: DEFAULT_CONFIG.datasource.name,
  };
  return canonicalJson(normalizeDashboard(withSdkDefaults(normalizeDashboard(dashboard, options)), options));
}
