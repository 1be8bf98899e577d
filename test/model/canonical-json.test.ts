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
