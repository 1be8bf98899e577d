import type { JsonValue } from '../model/json.ts';
import { jsonEqual } from '../model/canonical-json.ts';
import type { ValueChange } from './diff-report.ts';

/** Pushes a change for `field` when the two sides differ (key order ignored). */
export function compareField(
  out: ValueChange[],
  field: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  if (jsonEqual(before, after)) return;
  out.push({
    field,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

/** Compares every key of two objects not listed in `skip`, in sorted key order, prefixing field names. */
export function compareRemainingKeys(
  out: ValueChange[],
  before: Readonly<Record<string, JsonValue>>,
  after: Readonly<Record<string, JsonValue>>,
  skip: ReadonlySet<string>,
  prefix = '',
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.has(k)).sort();
  // Own keys only: a key like "toString" on one side must not compare against Object.prototype's on the other.
  const own = (o: Readonly<Record<string, JsonValue>>, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
  for (const key of keys) compareField(out, `${prefix}${key}`, own(before, key), own(after, key));
}
