import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';

/**
 * Drops `null` object values, as Grafana does when it saves a dashboard (DashboardModel.getSaveModelClone →
 * sortedDeepCloneWithoutNulls): an exported `"gnetId": null` or `"allValue": null` means "not set", and the
 * schema (and the SDK's setters) only accept the real type. Kept where null carries meaning: a threshold step's
 * `value` (the base step, -Infinity) and a range mapping's open `from` / `to`. Pure; returns how many were dropped.
 */
export function dropNulls(dashboard: JsonObject): { dashboard: JsonObject; dropped: number } {
  let dropped = 0;
  const walk = (value: JsonValue, parentKey: string): JsonValue => {
    if (Array.isArray(value)) return value.map((v) => walk(v, parentKey));
    if (!isJsonObject(value)) return value;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null && !keepsNull(parentKey, k)) {
        dropped++;
        continue;
      }
      Object.defineProperty(out, k, { value: walk(v, k), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return { dashboard: walk(dashboard, '') as JsonObject, dropped };
}

function keepsNull(parentKey: string, key: string): boolean {
  return (parentKey === 'steps' && key === 'value') || (parentKey === 'options' && (key === 'from' || key === 'to'));
}
