import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/model/canonical-json.ts';

/** Rebuilds an object with its keys inserted in reverse order, recursively. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys, indents by two spaces and ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{\n  "a": {\n    "c": "x",\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
  it('drops undefined values and functions, keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: () => 1 })).toBe('{\n  "b": null\n}\n');
  });
  test.prop([fc.jsonValue()])('does not depend on key insertion order', (value) => {
    expect(canonicalJson(reversed(value))).toBe(canonicalJson(value));
  });
  test.prop([fc.jsonValue()])('is a fixed point of parse and format', (value) => {
    const once = canonicalJson(value);
    expect(canonicalJson(JSON.parse(once))).toBe(once);
  });
  test.prop([fc.object()])('escapes every string so the text parses back to the same data', (value) => {
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});

/** The key sort as a plain `.sort()` of every object's keys. */
function sortedByArraySort(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedByArraySort);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((k) => [k, sortedByArraySort((value as Record<string, unknown>)[k])]));
}

describe('canonicalJson key order', () => {
  const key = fc.oneof(fc.string(), fc.constantFrom('a', 'B', '10', '9', 'é', '__proto__', ''));
  test.prop([fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 40 })])(
    'orders the keys of small and large objects as a code-unit sort does',
    (value) => {
      expect(canonicalJson(value)).toBe(`${JSON.stringify(sortedByArraySort(value), null, 2)}\n`);
    },
  );
});
