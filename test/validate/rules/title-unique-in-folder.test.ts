import { describe, expect, it } from 'vitest';
import { titleUniqueInFolder } from '../../../src/validate/rules/title-unique-in-folder.ts';

const doc = (file: string, title: string, folder?: string) => ({
  file,
  ...(folder ? { folder } : {}),
  dashboard: { title },
});

describe('title-unique-in-folder', () => {
  it('passes the same title in two folders', () =>
    expect(
      titleUniqueInFolder.checkTree([doc('a/x.ts', 'Overview', 'a'), doc('b/x.ts', 'Overview', 'b')], {
        origin: 'build',
      }),
    ).toEqual([]));
  it('fails the same title (trimmed, any case) in one folder', () =>
    expect(
      titleUniqueInFolder.checkTree([doc('a/x.ts', 'Overview', 'a'), doc('a/y.ts', ' overview', 'a')], {
        origin: 'build',
      }),
    ).toEqual([
      {
        file: 'a/y.ts',
        pointer: '/title',
        message: 'title "overview" is also used by a/x.ts in folder "a"; Grafana stops provisioning both',
        fix: 'rename one of the dashboards or move it to another folder',
      },
    ]));
});
