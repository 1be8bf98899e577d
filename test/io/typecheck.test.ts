import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TYPECHECK_CACHE_DIR,
  TYPECHECK_RESULTS_FILE,
  prepareTypecheck,
  typecheckProject,
  warmUpTypecheck,
} from '../../src/io/typecheck.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const brief = (r: ReturnType<typeof typecheckProject>) =>
  r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code}`);
const resultsFile = (root: string) => path.join(root, TYPECHECK_CACHE_DIR, TYPECHECK_RESULTS_FILE);

describe('typecheckProject', () => {
  it('reports each error with file, line, column and the compiler message; stores the results', async () => {
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
    const stored = JSON.parse(await readFile(resultsFile(project.root), 'utf8')) as {
      files: Record<string, { errors: unknown[] }>;
    };
    expect(Object.keys(stored.files)).toEqual(['dashboards/a.ts', 'dashboards/b.ts']); // relative: a restored cache applies anywhere
  });

  it('sees an edit after a clean run', async () => {
    project = await tempProject({ 'dashboards/a.ts': 'export default 1;\n' });
    expect(typecheckProject(project.root, ['dashboards/a.ts']).errors).toEqual([]);
    await project.write('dashboards/a.ts', 'export default missing;\n');
    expect(brief(typecheckProject(project.root, ['dashboards/a.ts']))).toEqual(['dashboards/a.ts:1:16 TS2304']);
  });

  it('checks a project without tsconfig.json against ES2022 without the DOM library', async () => {
    project = await tempProject({
      'dashboards/a.ts': 'export default [1, 2].at(-1) ?? Object.hasOwn({}, "x");\n',
      'dashboards/b.ts': 'export default document.title;\n',
    });
    expect(brief(typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts']))).toEqual([
      'dashboards/b.ts:1:16 TS2584',
    ]);
  });

  it('checks only the changed dashboards and those importing a changed helper', async () => {
    project = await tempProject({
      'dashboards/_lib/x.ts': 'export const x = 1;\n',
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nconst n: number = x;\nexport default n;\n",
      'dashboards/b.ts': 'export default 2;\n',
      'dashboards/c.ts': "const s: string = 'c';\nexport default s;\n",
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/c.ts'];
    expect(typecheckProject(project.root, files)).toMatchObject({ checked: 3, reused: 0, errors: [] });
    expect(typecheckProject(project.root, files)).toMatchObject({ checked: 0, reused: 3, errors: [] });
    await project.write('dashboards/c.ts', 'const s: string = 3;\nexport default s;\n');
    const one = typecheckProject(project.root, files);
    expect([one.checked, one.reused, brief(one)]).toEqual([1, 2, ['dashboards/c.ts:1:7 TS2322']]);
    await project.write('dashboards/_lib/x.ts', "export const x = 'one';\n");
    const lib = typecheckProject(project.root, files);
    expect([lib.checked, lib.reused, brief(lib)]).toEqual([
      1,
      2,
      ['dashboards/a.ts:2:7 TS2322', 'dashboards/c.ts:1:7 TS2322'],
    ]);
  });

  it('sees a helper created after a dashboard failed to import it', async () => {
    project = await tempProject({
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nexport default x;\n",
      'dashboards/b.ts': "import { y } from './_lib/y';\nexport default y;\n",
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    expect(brief(typecheckProject(project.root, files))).toEqual([
      'dashboards/a.ts:1:19 TS2307',
      'dashboards/b.ts:1:19 TS2307',
    ]);
    await project.write('dashboards/_lib/x.ts', 'export const x = 1;\n');
    await project.write('dashboards/_lib/y.ts', 'export const y = 1;\n');
    expect(brief(typecheckProject(project.root, files))).toEqual([]);
  });

  it('keeps the errors of an unchanged helper that a reused dashboard imports', async () => {
    project = await tempProject({
      'dashboards/_lib/x.ts': "export const x: number = 'bad';\n",
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nexport default x;\n",
      'dashboards/b.ts': 'export default 2;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    const cold = typecheckProject(project.root, files);
    expect(brief(cold)).toEqual(['dashboards/_lib/x.ts:1:14 TS2322']);
    await project.write('dashboards/b.ts', 'export default 3;\n');
    expect(typecheckProject(project.root, files)).toMatchObject({ checked: 1, reused: 1, errors: cold.errors });
  });

  it('checks everything together when a file declares globals', async () => {
    project = await tempProject({
      'dashboards/_lib/globals.ts': 'declare global {\n  var region: string;\n}\nexport {};\n',
      'dashboards/a.ts': "import './_lib/globals.ts';\nexport default region;\n",
      'dashboards/b.ts': 'const n: number = region;\nexport default n;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    // b sees the global only in a program that also holds a: one program, not batches of one.
    const cold = typecheckProject(project.root, files, { batchSize: 1 });
    expect(brief(cold)).toEqual(['dashboards/b.ts:1:7 TS2322']);
    await project.write('dashboards/a.ts', "import './_lib/globals.ts';\nexport default [region];\n");
    const again = typecheckProject(project.root, files, { batchSize: 1 });
    expect([again.reused, brief(again)]).toEqual([0, ['dashboards/b.ts:1:7 TS2322']]);
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, s.length / 2)],
    ['foreign', () => '{"format":"something-else","files":{}}'],
    ['damaged', (s: string) => s.replace('"line":1', '"line":"1"')],
    ['from another key', (s: string) => s.replace(/"key":"[0-9a-f]+"/, '"key":"0000"')],
  ])('ignores a %s results file and writes a good one', async (_name, damage) => {
    project = await tempProject({
      'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n",
    });
    const files = ['dashboards/a.ts'];
    const clean = typecheckProject(project.root, files);
    const file = resultsFile(project.root);
    await writeFile(file, damage(await readFile(file, 'utf8')));
    expect(typecheckProject(project.root, files)).toMatchObject({ checked: 1, reused: 0, errors: clean.errors });
    expect(typecheckProject(project.root, files)).toMatchObject({ checked: 0, reused: 1, errors: clean.errors });
  });

  it('checks in batches of batchSize roots, calling afterBatch after each program', async () => {
    project = await tempProject({
      'dashboards/a.ts': 'export default 1;\n',
      'dashboards/b.ts': 'export default 2;\n',
      'dashboards/c.ts': 'const s: string = 3;\nexport default s;\n',
    });
    let batches = 0;
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/c.ts'];
    const outcome = typecheckProject(project.root, files, { batchSize: 2, afterBatch: () => batches++ });
    expect([batches, brief(outcome)]).toEqual([2, ['dashboards/c.ts:1:7 TS2322']]);
  });

  it('warms up without storing or changing any result', async () => {
    project = await tempProject({ 'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n" });
    warmUpTypecheck(project.root, ['dashboards/a.ts']);
    await expect(stat(resultsFile(project.root))).rejects.toThrow();
    expect(brief(typecheckProject(project.root, ['dashboards/a.ts']))).toEqual(['dashboards/a.ts:1:7 TS2322']);
  });

  it('takes over a check prepared ahead, reading again the files edited since it was prepared', async () => {
    project = await tempProject({
      'dashboards/a.ts': 'export default 1;\n',
      'dashboards/b.ts': "const s: string = 'b';\nexport default s;\n",
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    typecheckProject(project.root, files);
    const unchanged = typecheckProject(project.root, files, {}, prepareTypecheck(project.root));
    expect([unchanged.checked, unchanged.reused, unchanged.errors]).toEqual([0, 2, []]);
    const prepared = prepareTypecheck(project.root); // hashes a.ts as it is now…
    await project.write('dashboards/a.ts', 'export default missing;\n'); // …and then it changes
    const edited = typecheckProject(project.root, files, {}, prepared);
    expect([edited.checked, edited.reused, brief(edited)]).toEqual([1, 1, ['dashboards/a.ts:1:16 TS2304']]);
  });

  it('prepares again when tsconfig.json changed since a check was prepared', async () => {
    project = await tempProject({ 'dashboards/a.ts': 'export default function f(x) {\n  return x;\n}\n' });
    const files = ['dashboards/a.ts'];
    expect(brief(typecheckProject(project.root, files))).toEqual(['dashboards/a.ts:1:27 TS7006']);
    const prepared = prepareTypecheck(project.root);
    await project.write('tsconfig.json', '{ "compilerOptions": { "strict": false, "noEmit": true } }\n');
    expect(typecheckProject(project.root, files, {}, prepared)).toMatchObject({ checked: 1, errors: [] });
    expect(prepareTypecheck(project.root, { cacheDir: path.join(project.root, 'elsewhere') })).toMatchObject({
      root: project.root,
      cacheDir: path.join(project.root, 'elsewhere'),
    });
  });

  it('reuses results restored into another checkout of the project', async () => {
    project = await tempProject({
      'dashboards/_lib/x.ts': "export const x: number = 'bad';\n",
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nexport default x;\n",
    });
    const first = typecheckProject(project.root, ['dashboards/a.ts']);
    const moved = `${project.root}-moved`;
    await cp(project.root, moved, { recursive: true });
    try {
      const again = typecheckProject(moved, ['dashboards/a.ts']);
      expect([again.checked, again.reused, again.errors]).toEqual([0, 1, first.errors]);
      await writeFile(path.join(moved, 'dashboards/_lib/x.ts'), 'export const x = 1;\n');
      expect(typecheckProject(moved, ['dashboards/a.ts'])).toMatchObject({ checked: 1, errors: [] });
    } finally {
      await rm(moved, { recursive: true, force: true });
    }
  });

  it('keeps its results in cacheDir when given one', async () => {
    project = await tempProject({ 'dashboards/a.ts': 'export default 1;\n' });
    const cacheDir = path.join(project.root, 'ci-cache');
    typecheckProject(project.root, ['dashboards/a.ts'], { cacheDir });
    expect((await stat(path.join(cacheDir, TYPECHECK_RESULTS_FILE))).isFile()).toBe(true);
    await expect(stat(resultsFile(project.root))).rejects.toThrow();
    expect(typecheckProject(project.root, ['dashboards/a.ts'], { cacheDir }).reused).toBe(1);
  });

  it('equals a full check after any sequence of edits', async () => {
    const variants: Record<string, readonly (string | undefined)[]> = {
      'dashboards/_lib/a.ts': [
        'export const a: number = 1;\n',
        "export const a: string = 'x';\n",
        'export const a = ;\n',
        "const z: number = 'q';\nexport const a = 1;\nexport const b2 = z;\n",
      ],
      'dashboards/_lib/c.ts': [undefined, 'export const c = 1;\n', "export const c = 'x';\n"],
      'dashboards/_lib/b.ts': [
        "import { a } from './a.ts';\nexport const b: number = a;\n",
        'export const b = 2;\n',
        "import { a } from './a.ts';\nexport const b = `${a}`;\n",
      ],
      ...Object.fromEntries(
        [0, 1, 2, 3, 4].map((i) => [
          `dashboards/x/d${i}.ts`,
          [
            "import { a } from '../_lib/a.ts';\nconst n: number = a;\nexport default n;\n",
            "import { b } from '../_lib/b.ts';\nconst q: string = b;\nexport default q;\n",
            'export default 1;\n',
            'const s: string = 1;\nexport default s;\n',
            "import { nope } from '../_lib/a.ts';\nexport default nope;\n",
            "import { b2 } from '../_lib/a.ts';\nexport default b2 satisfies number;\n",
            "import { c } from '../_lib/c.ts';\nconst k: number = c;\nexport default k;\n",
            "import { c } from '../_lib/c';\nexport default c;\n",
            undefined,
          ],
        ]),
      ),
    };
    const names = Object.keys(variants);
    const edit = fc.record({
      file: fc.constantFrom(...names),
      pick: fc.nat(),
    });
    project = await tempProject();
    const { root } = project;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        async (edits, batchSize) => {
          const cacheDir = path.join(root, `cache-${run++}`);
          for (const name of names) await writeFile(path.join(root, name), '').catch(() => {});
          await rm(path.join(root, 'dashboards'), { recursive: true, force: true });
          await project!.write('dashboards/_lib/a.ts', variants['dashboards/_lib/a.ts']![0]!);
          await project!.write('dashboards/_lib/b.ts', variants['dashboards/_lib/b.ts']![0]!);
          for (let i = 0; i < 5; i++)
            await project!.write(`dashboards/x/d${i}.ts`, variants[`dashboards/x/d${i}.ts`]![i % 4]!);
          const roots = () => names.filter((n) => n.startsWith('dashboards/x/')).filter((n) => present.has(n));
          const present = new Set(names);
          typecheckProject(root, roots(), { cacheDir, batchSize });
          for (const { file, pick } of edits) {
            const options = variants[file]!;
            const text = options[pick % options.length];
            if (text === undefined) {
              await rm(path.join(root, file), { force: true });
              present.delete(file);
            } else {
              await project!.write(file, text);
              present.add(file);
            }
            const incremental = typecheckProject(root, roots(), { cacheDir, batchSize });
            const full = typecheckProject(root, roots(), {
              cacheDir: path.join(root, `fresh-${run}-${Math.random()}`),
            });
            expect(incremental.errors).toEqual(full.errors);
          }
        },
      ),
      { numRuns: 12, seed: 1129 },
    );
  }, 120_000);
});
