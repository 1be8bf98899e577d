/**
 * Canonical JSON text: object keys sorted by code unit, `undefined` dropped. Grafana detects a changed dashboard by
 * the MD5 of the file's bytes, so the same dashboard must always give the same bytes, whatever the key order of the
 * object that produced it. `diff` compares values through the same sort, so key order never counts as a change.
 */

/** The file form: 2-space indent and a final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** The one-line form, for showing and comparing values; `undefined` (an absent value) gives `'undefined'`. */
export function compactCanonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(sortKeys(value));
}

/** True when both values have the same canonical JSON (key order ignored; absent equals only absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return compactCanonicalJson(a) === compactCanonicalJson(b);
}

/** A deep copy whose objects have their keys in sorted order (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (typeof value !== 'object' || value === null) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return sortKeys((value as { toJSON: () => unknown }).toJSON());
  // A plain object (JSON.stringify walks it faster than a prototype-less one); a "__proto__" key is defined as data
  // instead of assigned, which would set the prototype and lose the key.
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue;
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    else out[key] = sortKeys(v);
  }
  return out;
}

/**
 * The own keys of `value` in code-unit order, as `Object.keys(value).sort()` gives them. Objects of a dashboard have a
 * handful of keys: an insertion sort in place orders them without the copy `Array.prototype.sort` makes.
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

const INSERTION_SORT_MAX = 24;
