import { describe, expect, it } from 'vitest';
import { titleFolderClash } from '../../../src/validate/rules/title-folder-clash.ts';

const doc = (file: string, title: string, folder?: string) => ({
  file,
  ...(folder ? { folder } : {}),
  dashboard: { title },
});

describe('title-folder-clash', () => {
  it('passes titles that differ from every folder', () =>
    expect(
      titleFolderClash.checkTree([doc('payments/a.ts', 'Payments overview', 'payments')], { origin: 'build' }),
    ).toEqual([]));
  it('fails a title equal to a folder title by slug', () =>
    expect(
      titleFolderClash.checkTree([doc('payments/a.ts', 'Payments overview', 'payments'), doc('home.ts', 'Payments')], {
        origin: 'build',
      }),
    ).toEqual([
      {
        file: 'home.ts',
        pointer: '/title',
        message:
          'title "Payments" is the same as the folder "payments"; Grafana refuses it ("Dashboard name cannot be the same as folder")',
        fix: 'rename the dashboard (e.g. "Payments overview") or the folder',
      },
    ]));
});
