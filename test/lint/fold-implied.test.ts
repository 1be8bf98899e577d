import { describe, expect, it } from 'vitest';
import { foldImplied } from '../../src/lint/fold-implied.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';

const d = (file: string, rule: string, pointer = ''): Diagnostic => ({
  rule,
  severity: rule === 'schema' ? 'error' : 'warning',
  file,
  pointer,
  message: `${rule} says`,
});

describe('foldImplied', () => {
  it('folds schema findings of an old dashboard into its schema-version-old finding', () => {
    const out = foldImplied([
      d('old.json', 'schema-version-old', '/schemaVersion'),
      d('old.json', 'schema', '/panels/0'),
      d('old.json', 'schema', '/panels/1'),
      d('old.json', 'rows-legacy', '/rows'),
    ]);
    expect(out.map((x) => x.rule)).toEqual(['schema-version-old', 'rows-legacy']);
    expect(out[0]!.message).toBe(
      'schema-version-old says. 2 schema findings that follow from the old format are not listed; lint again after migrating',
    );
  });
  it('keeps schema findings of modern dashboards', () => {
    const input = [d('old.json', 'schema-version-old'), d('new.json', 'schema', '/panels/0')];
    expect(foldImplied(input)).toEqual([{ ...input[0]! }, input[1]]);
  });
});
