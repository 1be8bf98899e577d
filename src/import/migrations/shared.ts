import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';

/**
 * Legacy reducer names (flot legend values, singlestat `valueName`, table-old columns) and the reducer ids Grafana
 * maps them to (fieldReducers' aliases: avg → mean, current → lastNotNull, total → sum).
 */
export const LEGACY_REDUCERS: Readonly<Record<string, string>> = {
  min: 'min',
  max: 'max',
  avg: 'mean',
  mean: 'mean',
  current: 'lastNotNull',
  total: 'sum',
  sum: 'sum',
  first: 'first',
  delta: 'delta',
  diff: 'diff',
  range: 'range',
  count: 'count',
  last: 'last',
};

export function objectOr(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** A number, or a string holding one ("0", "1000"), as Grafana's validNumber reads it. */
export function numberOrUndefined(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** `panel` without `keys`, and which of them it had. */
export function takeRest(panel: JsonObject, keys: readonly string[]): { rest: JsonObject; taken: string[] } {
  const rest: JsonObject = {};
  const taken: string[] = [];
  for (const [k, v] of Object.entries(panel)) {
    if (keys.includes(k)) taken.push(k);
    else Object.defineProperty(rest, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return { rest, taken };
}
