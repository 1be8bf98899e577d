import { describe, expect, it } from 'vitest';
import { mayDeclareGlobals, shardRoots } from '../../src/build/typecheck-shards.ts';
import { MAX_SHARDS, SHARD_ROOTS } from '../../src/io/typecheck.ts';

const tree = (n: number) => Array.from({ length: n }, (_, i) => `dashboards/team-${i % 50}/d${i}.ts`);

describe('shardRoots', () => {
  it('keeps up to maxRoots roots in one program, sorted', () => {
    expect(shardRoots(['dashboards/b.ts', 'dashboards/a.ts', 'dashboards/a.ts'], 1250)).toEqual([
      ['dashboards/a.ts', 'dashboards/b.ts'],
    ]);
  });

  it('splits 5 000 dashboards into four programs of about 1 250, the last about two thirds of one', () => {
    expect(shardRoots(tree(5000), 1250).map((s) => s.length)).toEqual([1403, 1365, 1316, 916]);
  });

  it('with the defaults: 1 000 dashboards in two programs (the last smaller), 5 000 in four (no more)', () => {
    expect(shardRoots(tree(1000), SHARD_ROOTS, MAX_SHARDS).map((s) => s.length)).toEqual([620, 380]);
    expect(shardRoots(tree(5000), SHARD_ROOTS, MAX_SHARDS).map((s) => s.length)).toEqual([1403, 1365, 1316, 916]);
    expect(shardRoots(tree(400), SHARD_ROOTS, MAX_SHARDS)).toHaveLength(1);
  });

  it('moves no other root when one is added or removed', () => {
    const before = shardRoots(tree(4000), 1250);
    const added = shardRoots([...tree(4000), 'dashboards/new.ts'], 1250);
    expect(added.map((s) => s.filter((f) => f !== 'dashboards/new.ts'))).toEqual(before);
    const removed = shardRoots(tree(4000).slice(1), 1250);
    expect(removed).toEqual(before.map((s) => s.filter((f) => f !== 'dashboards/team-0/d0.ts')));
  });
});

describe('mayDeclareGlobals', () => {
  it.each([
    ['export const a = 1;\n', false],
    ["import { a } from './a.ts';\nexport default a;\n", false],
    ['const region = 1;\n', true],
    ['declare global {\n  var region: string;\n}\nexport {};\n', true],
    ["declare module '@grafana/grafana-foundation-sdk/dashboard' {}\nexport {};\n", true],
  ])('%j → %s', (text, expected) => {
    expect(mayDeclareGlobals('dashboards/x.ts', text)).toBe(expected);
  });
});
