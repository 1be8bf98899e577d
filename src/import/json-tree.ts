import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';

/** Structural equality of JSON values; key order does not matter. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** `defaults` under `value`: objects merge key by key, everything else is `value`'s. `value`'s keys come first. */
export function withDefaults(defaults: JsonValue | undefined, value: JsonValue): JsonValue {
  if (!isJsonObject(defaults) || !isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value))
    define(out, k, Object.hasOwn(defaults, k) ? withDefaults(defaults[k], v) : v);
  for (const [k, v] of Object.entries(defaults)) if (!Object.hasOwn(value, k)) define(out, k, v);
  return out;
}

/** The smallest object that, deep-merged into `built`, gives `target` (for keys `target` has). */
export function residual(target: JsonObject, built: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(target)) {
    const b = Object.hasOwn(built, k) ? built[k] : undefined;
    if (jsonEqual(v, b)) continue;
    if (isJsonObject(v) && isJsonObject(b)) {
      const sub = residual(v, b);
      if (Object.keys(sub).length > 0) define(out, k, sub);
    } else define(out, k, v);
  }
  return out;
}

/** Whether `built` has a key, at any depth of objects both share, that `target` lacks. */
export function hasExtraKeys(built: JsonValue | undefined, target: JsonValue | undefined): boolean {
  if (!isJsonObject(built) || !isJsonObject(target)) return false;
  return Object.keys(built).some((k) => !Object.hasOwn(target, k) || hasExtraKeys(built[k], target[k]));
}

export function getPath(value: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let current = value;
  for (const key of path) {
    if (!isJsonObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** A JSON deep copy (what a built dashboard is once the loader has serialized it). */
export function jsonCopy<T>(value: T): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/** Sets an own data property, even for `__proto__`. */
export function define(obj: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
