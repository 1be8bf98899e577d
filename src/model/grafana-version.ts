/**
 * Dashboard `schemaVersion` per target Grafana version: 10.0–10.3 → 38, 10.4–11.2 → 39, 11.3–11.5 → 40,
 * 11.6–12.1 → 41, 12.2 and later → 42 (42 is final for the v1 dashboard API). Taken from the `schemaVersion` Grafana
 * writes in each release (`public/app/features/dashboard/state/DashboardMigrator.ts`, `DASHBOARD_SCHEMA_VERSION` in
 * `apps/dashboard/pkg/migration/schemaversion/migrations.go`). Emitting a version newer than the target knows breaks
 * loading; older ones trigger migrations at load.
 */
const TABLE: ReadonlyArray<readonly [major: number, minor: number, schemaVersion: number]> = [
  [12, 2, 42],
  [11, 6, 41],
  [11, 3, 40],
  [10, 4, 39],
  [10, 0, 38],
];

export const OLDEST_SUPPORTED_GRAFANA = '10.0';

/** The Grafana version panelcraft targets when `panelcraft.yaml` does not name one. */
export const DEFAULT_GRAFANA_VERSION = '12.1';

/** A Grafana release line: `[major, minor]`. */
export type GrafanaTarget = readonly [major: number, minor: number];

/** `"11.6"`, `"12.1.1"`, `"v13.0.0"`, `"12.0.0-beta1"` → `[major, minor]`; anything else → `undefined`. */
export function parseGrafanaVersion(text: string): GrafanaTarget | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

/** The target for tools that must pick one (lint, import): the configured version, or the default one. */
export function grafanaTarget(version: string | undefined): GrafanaTarget {
  return parseGrafanaVersion(version ?? DEFAULT_GRAFANA_VERSION) ?? parseGrafanaVersion(DEFAULT_GRAFANA_VERSION)!;
}

export type SchemaVersionResult =
  | { readonly ok: true; readonly schemaVersion: number }
  | { readonly ok: false; readonly message: string };

/** Maps a Grafana version such as `"11.6"`, `"12.1.1"` or `"v13.0.0"` to its dashboard schemaVersion. */
export function schemaVersionFor(grafanaVersion: string): SchemaVersionResult {
  const target = parseGrafanaVersion(grafanaVersion);
  if (!target) {
    return { ok: false, message: `grafanaVersion "${grafanaVersion}" is not a version; use e.g. "12.1" or "11.6.3"` };
  }
  const [major, minor] = target;
  for (const [maj, min, schemaVersion] of TABLE) {
    if (major > maj || (major === maj && minor >= min)) return { ok: true, schemaVersion };
  }
  return {
    ok: false,
    message: `grafanaVersion "${grafanaVersion}" is older than ${OLDEST_SUPPORTED_GRAFANA}, the oldest version panelcraft targets`,
  };
}
