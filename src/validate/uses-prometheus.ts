import { isJsonObject, stringAt, type JsonObject } from '../model/json.ts';
import { type DatasourceRefAt, datasourceRefs } from './datasource-refs.ts';

const NEUTRAL_TYPES = new Set(['prometheus', 'datasource', 'grafana', '__expr__']);

/**
 * Whether the dashboard queries Prometheus: a ref typed `prometheus`, or untyped refs only (legacy strings,
 * variables) with PromQL-looking targets (`expr`). A Loki- or SQL-only dashboard is not checked by the Prometheus rules.
 */
export function usesPrometheus(
  dashboard: JsonObject,
  /** `datasourceRefs(dashboard)`, when the caller has it. */
  refs: readonly DatasourceRefAt[] = datasourceRefs(dashboard),
): boolean {
  const types = refs.map((r) => (isJsonObject(r.value) ? stringAt(r.value, 'type') : undefined));
  if (types.includes('prometheus')) return true;
  if (types.some((t) => t !== undefined && !NEUTRAL_TYPES.has(t))) return false;
  return refs.some((r) => r.where === 'target') || JSON.stringify(dashboard.panels ?? []).includes('"expr"');
}
