/**
 * The Prometheus release a project's PromQL must run on (`prometheus.version` in panelcraft.yaml). The grammar and
 * the function list differ between 2.x and 3.x (UTF-8 names, renamed and added functions; see docs/promql-versions.md).
 */
export type PrometheusVersion = readonly [major: number, minor: number];

/** The version of the stack `deploy/` ships (prom/prometheus:v3.5.0), which most users run. */
export const DEFAULT_PROMETHEUS_VERSION = '3.5';

/** `"3.5"`, `"v2.42.0"`, `"3"` → `[major, minor]`; anything else → `undefined`. */
export function parsePrometheusVersion(text: string): PrometheusVersion | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

/** The default version, parsed. */
export const DEFAULT_PROMETHEUS: PrometheusVersion = parsePrometheusVersion(DEFAULT_PROMETHEUS_VERSION)!;

/** Whether PromQL follows Prometheus 3's grammar (quoted UTF-8 metric and label names). */
export function isPrometheus3(version: PrometheusVersion): boolean {
  return version[0] >= 3;
}
