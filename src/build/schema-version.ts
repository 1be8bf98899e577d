/**
 * Dashboard `schemaVersion` per target Grafana version (reference §4.1): 10.0–10.3 → 38, 10.4–11.2 → 39,
 * 11.3–11.5 → 40, 11.6–12.1 → 41, 12.2 and later → 42 (42 is final for the v1 dashboard API).
 * Emitting a version newer than the target knows breaks loading; older ones trigger migrations at load.
 */
const TABLE: ReadonlyArray<readonly [major: number, minor: number, schemaVersion: number]> = [
  [12, 2, 42],
  [11, 6, 41],
  [11, 3, 40],
  [10, 4, 39],
  [10, 0, 38],
];

export const OLDEST_SUPPORTED_GRAFANA = '10.0';

export type SchemaVersionResult = { readonly ok: true; readonly schemaVersion: number } | { readonly ok: false; readonly message: string };

/** Maps a Grafana version such as `"11.6"`, `"12.1.1"` or `"v13.0.0"` to its dashboard schemaVersion. */
export function schemaVersionFor(grafanaVersion: string): SchemaVersionResult {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.\d+)?(?:[-+].*)?$/.exec(grafanaVersion.trim());
  if (!match) {
    return { ok: false, message: `grafanaVersion "${grafanaVersion}" is not a version; use e.g. "12.1" or "11.6.3"` };
  }
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  for (const [maj, min, schemaVersion] of TABLE) {
    if (major > maj || (major === maj && minor >= min)) return { ok: true, schemaVersion };
  }
  return {
    ok: false,
    message: `grafanaVersion "${grafanaVersion}" is older than ${OLDEST_SUPPORTED_GRAFANA}, the oldest version panelcraft targets`,
  };
}
