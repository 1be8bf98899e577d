import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/model/json.ts';
import { referenceStrings } from '../../src/validate/reference-strings.ts';
import { stringValues, stringValuesOutside } from '../../src/validate/string-values.ts';
import { findVariableRefs } from '../../src/validate/variable-refs.ts';

/** What the rules read before: every string, then its references, keeping the strings that have some. */
function byEveryString(value: JsonValue) {
  return stringValues(value)
    .map((s) => ({ string: { value: s.value, pointer: s.pointer, key: s.key }, refs: findVariableRefs(s.value) }))
    .filter((r) => r.refs.length > 0);
}

/** Strings that often hold references, escapes in keys, and back-references. */
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('$job', '${job:regex}', '[[instance]]', '${__field.labels.x}', '$1 and $job', 'a/b~c', '${DS_PROM}'),
);
const json = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('referenceStrings', () => {
  it('gives each referring string with its pointer, key and references, in document order', () => {
    const found = referenceStrings({ title: 'Up $job', panels: [{ 'a/b': ['x', '$1', '[[i]] ${j:csv}'] }] });
    expect(found.map((r) => [r.string.pointer, r.string.key, r.refs.map((ref) => ref.name)])).toEqual([
      ['/title', 'title', ['job']],
      ['/panels/0/a~1b/2', 2, ['i', 'j']],
    ]);
  });
  it('reads a string at the root', () => {
    expect(referenceStrings('$x').map((r) => [r.string.pointer, r.string.key])).toEqual([['', undefined]]);
  });
  test.prop([json])('finds what walking every string finds', (value) => {
    expect(referenceStrings(value)).toEqual(byEveryString(value));
  });
});

describe('stringValuesOutside with keep', () => {
  const keyed = fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(text, fc.constant('datasource')), tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const plain = (found: ReturnType<typeof stringValuesOutside>) =>
    found.map((s) => ({ value: s.value, pointer: s.pointer, key: s.key }));
  test.prop([keyed, fc.constantFrom('', '/panels/3/targets')])(
    'gives the strings without keep that keep accepts, in order, with the same pointers and keys',
    (value, base) => {
      const keep = (s: string) => findVariableRefs(s).length > 0;
      const all = plain(stringValuesOutside(value, base, 'datasource'));
      expect(plain(stringValuesOutside(value, base, 'datasource', keep))).toEqual(all.filter((s) => keep(s.value)));
    },
  );
});
