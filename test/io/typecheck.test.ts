import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TYPECHECK_CACHE_DIR, typecheckProject } from '../../src/io/typecheck.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

describe('typecheckProject', () => {
  it('reports each error with file, line, column and the compiler message; caches the clean state', async () => {
    project = await tempProject({
      'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n",
      'dashboards/b.ts': 'export default 1;\n',
    });
    const { errors } = typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts']);
    expect(errors).toEqual([
      {
        file: 'dashboards/a.ts',
        line: 1,
        column: 7,
        code: 'TS2322',
        message: "Type 'string' is not assignable to type 'number'.",
        severity: 'error',
      },
    ]);
    await project.write('dashboards/a.ts', 'const n: number = 1;\nexport default n;\n');
    expect(typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts']).errors).toEqual([]);
    expect((await stat(path.join(project.root, TYPECHECK_CACHE_DIR, 'dashboards.tsbuildinfo'))).isFile()).toBe(true);
    const stamps = JSON.parse(
      await readFile(path.join(project.root, TYPECHECK_CACHE_DIR, 'dashboards.stamps.json'), 'utf8'),
    ) as { errors: unknown[] };
    expect(stamps.errors).toEqual([]);
  });

  it('sees an edit after a cached clean run', async () => {
    project = await tempProject({ 'dashboards/a.ts': 'export default 1;\n' });
    expect(typecheckProject(project.root, ['dashboards/a.ts']).errors).toEqual([]);
    await project.write('dashboards/a.ts', 'export default missing;\n');
    expect(
      typecheckProject(project.root, ['dashboards/a.ts']).errors.map(
        (e) => `${e.file}:${e.line}:${e.column} ${e.code}`,
      ),
    ).toEqual(['dashboards/a.ts:1:16 TS2304']);
  });
});
