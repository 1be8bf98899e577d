import type { JsonValue } from '../model/json.ts';

/**
 * Deepest nesting of objects and arrays panelcraft accepts in a dashboard. Real dashboards stay below 20 (a row's
 * panel's override's property's steps); anything near this is generated garbage or an attack, and recursive code
 * (JSON.stringify, rules walking values) would overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 100;

/** The pointer of the first value nested deeper than `limit`, found without recursion; `undefined` when none is. */
export function tooDeepAt(value: JsonValue, limit = MAX_JSON_DEPTH): string | undefined {
  // Nearly every document passes: check depth alone first, and build pointers only to name the culprit.
  return nestsDeeperThan(value, limit) ? firstTooDeep(value, limit) : undefined;
}

/** Whether any value lies `limit` or more levels deep; the same walk as `firstTooDeep`, without pointers. */
function nestsDeeperThan(value: JsonValue, limit: number): boolean {
  const values: JsonValue[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop()!;
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item = v[i]!;
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const k in v) {
        const item = v[k]!;
        if (typeof item === 'object' && item !== null && Object.hasOwn(v, k)) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

function firstTooDeep(value: JsonValue, limit: number): string | undefined {
  const stack: Array<{ v: JsonValue; depth: number; ptr: string }> = [{ v: value, depth: 0, ptr: '' }];
  while (stack.length > 0) {
    const { v, depth, ptr } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return ptr;
    if (Array.isArray(v))
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, depth: depth + 1, ptr: `${ptr}/${i}` });
    else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        stack.push({ v: v[k]!, depth: depth + 1, ptr: `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}` });
      }
    }
  }
  return undefined;
}
