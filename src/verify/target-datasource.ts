import { isJsonObject, stringAt, type JsonObject } from '../model/json.ts';

const NON_PROMETHEUS_UIDS = new Set(['__expr__', 'grafana', '-- Grafana --', '-- Dashboard --', '-- Mixed --']);

/**
 * Whether a target runs on Prometheus: its own datasource, else the panel's, names type `prometheus`, a variable
 * (`${datasource}`), a uid, or nothing at all (the dashboard default). Expressions, the Grafana and Dashboard
 * datasources and other types are not for verify.
 */
export function isPrometheusTarget(panel: JsonObject, target: JsonObject): boolean {
  const ds = target.datasource ?? panel.datasource;
  if (ds === undefined || ds === null) return true;
  if (typeof ds === 'string') return !NON_PROMETHEUS_UIDS.has(ds);
  if (!isJsonObject(ds)) return true;
  const type = stringAt(ds, 'type');
  const uid = stringAt(ds, 'uid');
  if (uid !== undefined && NON_PROMETHEUS_UIDS.has(uid)) return uid === '-- Mixed --'; // a mixed panel's target without its own datasource uses the default
  return type === undefined || type === 'prometheus' || type.includes('$');
}
