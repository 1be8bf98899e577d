import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { existingFiles, writeNewFiles } from '../../src/io/write-new-files.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const everything = async (root: string) =>
  (await readdir(root, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort();

describe('writeNewFiles', () => {
  it('creates every file (and its folders) with the given contents, leaving no temp file', async () => {
    project = await tempProject();
    await writeNewFiles(project.root, [
      { path: 'dashboards/a/one.ts', contents: 'one\n' },
      { path: 'dashboards/b/two.ts', contents: 'two\n' },
    ]);
    expect(await everything(project.root)).toEqual([
      'dashboards',
      'dashboards/a',
      'dashboards/a/one.ts',
      'dashboards/b',
      'dashboards/b/two.ts',
    ]);
    expect(await project.read('dashboards/b/two.ts')).toBe('two\n');
  });

  it('never replaces a file that appeared after the check, and then removes what it had created', async () => {
    project = await tempProject();
    await mkdir(path.join(project.root, 'dashboards/a'), { recursive: true });
    await writeFile(path.join(project.root, 'dashboards/a/two.ts'), 'theirs\n');
    await expect(
      writeNewFiles(project.root, [
        { path: 'dashboards/a/one.ts', contents: 'one\n' },
        { path: 'dashboards/a/two.ts', contents: 'two\n' },
      ]),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path.join(project.root, 'dashboards/a/two.ts'), 'utf8')).toBe('theirs\n');
    expect(await everything(project.root)).toEqual(['dashboards', 'dashboards/a', 'dashboards/a/two.ts']);
  });

  it('existingFiles names the paths that exist, files or folders', async () => {
    project = await tempProject({ 'dashboards/a/x.ts': '' });
    expect(await existingFiles(project.root, ['dashboards/a/x.ts', 'dashboards/a', 'dashboards/a/y.ts'])).toEqual([
      'dashboards/a/x.ts',
      'dashboards/a',
    ]);
  });
});
