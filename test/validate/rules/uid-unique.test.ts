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
        fix: 'give one of them another uid with `.uid(...)`, or remove the explicit uid so it is derived from the file path',
      },
    ]));
});
