import { MAX_JSON_DEPTH, tooDeepAt } from '../validate/json-depth.ts';
import { isJsonObject, type JsonObject } from '../model/json.ts';
import type { DefaultExport } from '../model/loaded-dashboard.ts';
import { plainJsonCopy } from './json-copy.ts';

export type DashboardValueResult =
  | { readonly ok: true; readonly dashboard: JsonObject }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/**
 * Turns a module's default export into plain dashboard JSON: calls `build()` on builders, and deep-copies it as a JSON
 * round trip would (directly for plain data, see json-copy.ts) so nothing the user or the SDK holds (builders hand out
 * their internal object) is shared with the output: the caller owns the copy and may change it.
 */
export function dashboardValue(exported: unknown): DashboardValueResult {
  let value = exported;
  if (isBuilder(value)) {
    try {
      value = value.build();
    } catch (err) {
      return {
        ok: false,
        message: `build() threw: ${err instanceof Error ? err.message : String(err)}`,
        fix: 'fix the builder call chain named in the message',
      };
    }
  }
  if (!isJsonObject(value) || Array.isArray(value)) {
    return { ok: false, message: `the default export is ${describe(exported)}, not a dashboard`, fix: EXPORT_FIX };
  }
  let copy: unknown = plainJsonCopy(value);
  if (copy === undefined) {
    const deep = tooDeepAt(value as JsonObject);
    if (deep !== undefined) {
      return {
        ok: false,
        message: `the dashboard nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at ${deep.slice(0, 120)}${deep.length > 120 ? '…' : ''}), or holds a circular reference`,
        fix: 'build the dashboard from plain values; no Grafana dashboard nests that deep',
      };
    }
    try {
      copy = JSON.parse(JSON.stringify(value));
    } catch (err) {
      return {
        ok: false,
        message: `the dashboard cannot be turned into JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        fix: 'build the dashboard from plain values (no cycles, no BigInt)',
      };
    }
  }
  if (!isJsonObject(copy) || (typeof copy.title !== 'string' && !Array.isArray(copy.panels))) {
    return {
      ok: false,
      message: `the default export is ${describe(exported)} without "title" or "panels", not a dashboard`,
      fix: EXPORT_FIX,
    };
  }
  return { ok: true, dashboard: copy };
}

export const EXPORT_FIX =
  "`export default new DashboardBuilder('Title')…` (from '@grafana/grafana-foundation-sdk/dashboard'), a preset such as `goServiceOverview({...})`, or a built Dashboard object";

/** A dashboard module's default export, for the loader. */
export const DASHBOARD_EXPORT: DefaultExport = { what: 'a dashboard', fix: EXPORT_FIX };

function isBuilder(value: unknown): value is { build(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { build?: unknown }).build === 'function';
}

/** A short description of a value for error messages: `undefined`, `a function named "dash"`, `an object with keys a, b`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return value.name ? `a function named "${value.name}"` : 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const name = value.constructor?.name;
    const keys = Object.keys(value).slice(0, 5);
    const kind = name && name !== 'Object' ? `a ${name}` : 'an object';
    return keys.length > 0 ? `${kind} with keys ${keys.join(', ')}` : kind;
  }
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
