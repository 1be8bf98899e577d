import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, sha256 } from '../../src/build/manifest.ts';
import { planWrites } from '../../src/build/plan-writes.ts';

const A = '{"a":1}\n';
const B = '{"b":2}\n';
const OLD = sha256('old');
const files = [
  { path: 'dashboards/a.json', contents: A },
  { path: 'dashboards/b.json', contents: B },
];
const onDisk = new Map([
  ['dashboards/a.json', sha256(A)],
  ['dashboards/b.json', sha256(B)],
]);
const plan = (manifest?: Map<string, string[]>) =>
  planWrites(files, { files: onDisk, ...(manifest ? { manifest } : {}) }, { outLabel: 'provisioning' });

describe('planWrites with every file in place', () => {
  it('lists the manifest only when it would be written differently', () => {
    const current = new Map([
      ['dashboards/b.json', [sha256(B)]],
      ['dashboards/a.json', [sha256(A), sha256(A)]], // order of paths and repeated hashes do not show in the file
    ]);
    expect(plan(current).changes).toEqual([]);
    expect(plan().changes).toEqual([{ path: MANIFEST_FILE, status: 'missing' }]);
    const stale = [
      new Map([...current, ['dashboards/a.json', [OLD, sha256(A)]]]), // an old hash still listed
      new Map([...current, ['dashboards/a.json', [sha256(A), OLD]]]),
      new Map([['dashboards/a.json', [sha256(A)]]]), // a path missing
      new Map([...current, ['dashboards/c.json', [OLD]]]), // a path too many (its file is gone)
    ];
    for (const manifest of stale) {
      const p = plan(manifest);
      expect(p.writes).toEqual([]);
      expect(p.changes).toEqual([{ path: MANIFEST_FILE, status: 'stale' }]);
    }
  });
});
