import { describe, expect, it } from 'vitest';
import { uidUnique } from '../../../src/validate/rules/uid-unique.ts';

const doc = (file: string, uid: string) => ({ file, dashboard: { title: file, uid } });

describe('uid-unique', () => {
  it('passes distinct uids', () =>
    expect(uidUnique.checkTree([doc('a.ts', 'a'), doc('b.ts', 'b')], { origin: 'build' })).toEqual([]));
  it('names both files of a duplicate uid', () =>
    expect(uidUnique.checkTree([doc('a.ts', 'same'), doc('b.ts', 'same')], { origin: 'build' })).toEqual([
      {
        file: 'b.ts',
        pointer: '/uid',
        message: 'uid "same" is also used by a.ts; Grafana flips between the two and then stops provisioning both',
        fix: 'give one of them another uid',
      },
    ]));
  const built = (file: string, uid: string, derivedUid: string) => ({ ...doc(file, uid), derivedUid });
  it('tells the truth about where the uid came from', () => {
    const fixes = (docs: ReturnType<typeof built>[]) =>
      uidUnique.checkTree(docs, { origin: 'build' }).map((f) => f.fix);
    expect(fixes([built('支付/总览.ts', 'd', 'd'), built('订单/总览.ts', 'd', 'd')])).toEqual([
      "both uids come from the file paths (neither sets one): rename one of the files, or give one an explicit uid with `.uid('…')`",
    ]);
    expect(fixes([built('a.ts', 'a', 'a'), built('b.ts', 'a', 'b')])).toEqual([
      "remove `.uid('a')` from this dashboard so the uid is derived from its file path, or choose another uid",
    ]);
  });
});
