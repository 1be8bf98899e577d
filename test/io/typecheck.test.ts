import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { liveCompilers, nativeCompiler } from '../../src/io/native-compiler.ts';
import { PACKAGE_ROOT } from '../../src/io/package-root.ts';
import { TYPECHECK_CACHE_DIR, TYPECHECK_DIR, typecheckProject } from '../../src/io/typecheck.ts';
import { typecheckScope } from '../../src/io/typecheck-scope.ts';
import type { ProgramInputs } from '../../src/build/program-result.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await project?.dispose();
  project = undefined;
  for (const c of cleanups.splice(0)) await c();
});

const brief = (r: { errors: readonly { file: string; line: number; column: number; code: string }[] }) =>
  r.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code}`);
const stateDir = (root: string) => path.join(root, TYPECHECK_CACHE_DIR, TYPECHECK_DIR);
const notNumber = "Type 'string' is not assignable to type 'number'.";

/** What a build compares kept answers by (`programInputs`), here from the file system alone: the scan and sha1s. */
async function inputsOf(root: string): Promise<ProgramInputs> {
  const scan = await typecheckScope(root, []);
  const sha1 = (bytes: Buffer | string) => createHash('sha1').update(bytes).digest('hex');
  const hashOf = (file: string) => {
    try {
      return sha1(readFileSync(path.resolve(root, file)));
    } catch {
      return 'missing';
    }
  };
  return { key: sha1(scan.join('\n')), hashOf };
}

/** A project of the dashboards a.ts to d.ts (or named `names`) with these sources (as `project`); their paths, in order. */
async function fourDashboards(
  sources: readonly [string, string, string, string],
  names: readonly [string, string, string, string] = ['a', 'b', 'c', 'd'],
): Promise<string[]> {
  const files = names.map((name) => `dashboards/${name}.ts`);
  project = await tempProject(Object.fromEntries(files.map((file, i) => [file, sources[i]!])));
  return files;
}

/** Dates `files` a minute back: an answer is kept only when no file it read was modified just before its run. */
async function backdate(root: string, files: readonly string[]): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const f of files) await utimes(path.join(root, f), past, past);
}

describe('typecheckProject (TypeScript 7 in a child process)', () => {
  it('reports each error with file, line, column and the compiler message; keeps its state in the cache folder', async () => {
    project = await tempProject({
      'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n",
      'dashboards/b.ts': 'export default 1;\n',
    });
    const outcome = await typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts']);
    expect(outcome.errors).toEqual([
      { file: 'dashboards/a.ts', line: 1, column: 7, code: 'TS2322', message: notNumber, severity: 'error' },
    ]);
    expect([outcome.programs, outcome.read]).toEqual([1, ['dashboards/a.ts', 'dashboards/b.ts']]);
    expect((await readdir(stateDir(project.root))).sort()).toEqual([
      'shard-1-of-1.tsbuildinfo',
      'shard-1-of-1.tsbuildinfo.guard.json',
      'shard-1-of-1.tsconfig.json',
    ]);
    await project.write('dashboards/a.ts', 'const n: number = 1;\nexport default n;\n');
    expect((await typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts'])).errors).toEqual([]);
  });

  it('reports an error in a shared helper once, with its message chain, and lists the helper as read', async () => {
    project = await tempProject({
      'dashboards/_lib/x.ts': "export const x: number = 'bad';\n",
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nexport default x;\n",
      'dashboards/b.ts': [
        "import { x } from './_lib/x.ts';",
        'interface A { a: { b: number } }',
        "const w = { a: { b: 'x' } };",
        'const v: A = w;',
        'export default [v, x];',
        '',
      ].join('\n'),
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    for (const maxRoots of [1, 2]) {
      const outcome = await typecheckProject(project.root, files, { maxRoots });
      expect(outcome.errors).toEqual([
        { file: 'dashboards/_lib/x.ts', line: 1, column: 14, code: 'TS2322', message: notNumber, severity: 'error' },
        {
          file: 'dashboards/b.ts',
          line: 4,
          column: 7,
          code: 'TS2322',
          message: [
            "Type '{ a: { b: string; }; }' is not assignable to type 'A'.",
            "  The types of 'a.b' are incompatible between these types.",
            `    ${notNumber}`,
          ].join('\n'),
          severity: 'error',
        },
      ]);
      expect(outcome.read).toEqual(['dashboards/_lib/x.ts', 'dashboards/a.ts', 'dashboards/b.ts']);
    }
  });

  it('checks a project without tsconfig.json against ES2022 without the DOM library', async () => {
    project = await tempProject({
      'dashboards/a.ts': 'export default [1, 2].at(-1) ?? Object.hasOwn({}, "x");\n',
      'dashboards/b.ts': 'export default document.title;\n',
    });
    expect(brief(await typecheckProject(project.root, ['dashboards/a.ts', 'dashboards/b.ts']))).toEqual([
      'dashboards/b.ts:1:16 TS2584',
    ]);
  });

  it('reports a tsconfig TypeScript 7 rejects as a config problem, with the compiler message', async () => {
    project = await tempProject({
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "moduleResolution": "node", "baseUrl": "." } }\n',
      'dashboards/a.ts': 'export default 1;\n',
    });
    expect(await typecheckProject(project.root, ['dashboards/a.ts'])).toMatchObject({
      configProblem: 'tsconfig.json is not valid for TypeScript 7',
      errors: [
        {
          file: 'tsconfig.json',
          line: 1,
          column: 1,
          code: 'TS5102',
          message:
            'Option \'baseUrl\' has been removed. Please remove it from your configuration.\n  Use \'"paths": {"*": ["./*"]}\' instead.',
          severity: 'error',
        },
        {
          file: 'tsconfig.json',
          line: 1,
          column: 1,
          code: 'TS5108',
          message: "Option 'moduleResolution=node10' has been removed. Please remove it from your configuration.",
          severity: 'error',
        },
      ],
    });
  });

  it.each([
    ['outDir', { outDir: 'dist' }],
    ['rootDir elsewhere', { rootDir: 'src', outDir: 'dist' }],
    ['a declaration-only composite build', { composite: true, declaration: true, emitDeclarationOnly: true }],
    ['declaration maps', { declaration: true, declarationMap: true }],
    ['a composite build with declaration maps', { composite: true, declarationMap: true }],
    ['isolated declarations', { composite: true, isolatedDeclarations: true }],
  ])('checks a project whose tsconfig sets %s (for its own build) like any other', async (_name, options) => {
    project = await tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', skipLibCheck: true, ...options },
        include: ['src'],
      }),
      'dashboards/a.ts': 'export default 1 as string;\n',
    });
    const outcome = await typecheckProject(project.root, ['dashboards/a.ts']);
    expect([outcome.configProblem, brief(outcome)]).toEqual([undefined, ['dashboards/a.ts:1:16 TS2352']]);
  });

  it('checks a project whose tsconfig asks for statistics without reading them as files, and times the compiler', async () => {
    project = await tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', diagnostics: true, extendedDiagnostics: true },
      }),
      'dashboards/a.ts': 'export default 1 as string;\n',
    });
    const outcome = await typecheckProject(project.root, ['dashboards/a.ts']);
    expect([outcome.configProblem, brief(outcome), outcome.read]).toEqual([
      undefined,
      ['dashboards/a.ts:1:16 TS2352'],
      ['dashboards/a.ts'],
    ]);
    expect(outcome.compilerMs).toBeGreaterThan(0);
  });

  it('reports a syntax error in tsconfig.json where it is', async () => {
    project = await tempProject({
      'tsconfig.json': '{ "compilerOptions": { "strict": tru',
      'dashboards/a.ts': 'export default 1;\n',
    });
    const outcome = await typecheckProject(project.root, ['dashboards/a.ts']);
    expect([outcome.configProblem, brief(outcome)]).toEqual([
      'tsconfig.json is not valid for TypeScript 7',
      ['tsconfig.json:1:34 TS1328', 'tsconfig.json:1:37 TS1005'],
    ]);
  });

  it('resolves types, typeRoots and paths from the root when the cache folder is outside the project', async () => {
    project = await tempProject({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          strict: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          types: ['node'],
          paths: { '#lib/*': ['./dashboards/_lib/*'] },
        },
      }),
      'dashboards/_lib/x.ts': 'export const x = 1;\n',
      'dashboards/a.ts': [
        "import { readFileSync } from 'node:fs';",
        "import { x } from '#lib/x.ts';",
        'const n: string = readFileSync.name + x + process.pid;',
        'const bad: number = n;',
        'export default bad;',
        '',
      ].join('\n'),
    });
    await mkdir(path.join(project.root, 'node_modules', '@types'), { recursive: true });
    await symlink(
      path.join(PACKAGE_ROOT, 'node_modules', '@types', 'node'),
      path.join(project.root, 'node_modules', '@types', 'node'),
    );
    const outside = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-cache-'));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    const outcome = await typecheckProject(project.root, ['dashboards/a.ts'], { cacheDir: outside });
    expect(outcome.errors).toEqual([
      {
        file: 'dashboards/a.ts',
        line: 4,
        column: 7,
        code: 'TS2322',
        message: "Type 'string' is not assignable to type 'number'.",
        severity: 'error',
      },
    ]);
    expect(await readdir(path.join(outside, TYPECHECK_DIR))).toContain('shard-1-of-1.tsbuildinfo');
    expect(outcome.read).toEqual(['dashboards/_lib/x.ts', 'dashboards/a.ts']);
  });

  it.each([
    ['corrupt', () => 'garbage{'],
    ['truncated', (s: string) => s.slice(0, s.length / 2)],
    ['from another TypeScript version', (s: string) => s.replace('"version":"7.0.2"', '"version":"6.9.9"')],
    ['empty', () => ''],
  ])('costs only time when the incremental state is %s', async (_name, damage) => {
    project = await tempProject({
      'dashboards/_lib/x.ts': "export const x: number = 'bad';\n",
      'dashboards/a.ts': "import { x } from './_lib/x.ts';\nconst s: string = x;\nexport default s;\n",
    });
    const files = ['dashboards/a.ts'];
    const clean = await typecheckProject(project.root, files);
    expect(brief(clean)).toEqual(['dashboards/_lib/x.ts:1:14 TS2322', 'dashboards/a.ts:2:7 TS2322']);
    const state = path.join(stateDir(project.root), 'shard-1-of-1.tsbuildinfo');
    const damaged = damage(await readFile(state, 'utf8'));
    await writeFile(state, damaged);
    // Also with a guard that vouches for the damaged state: the compiler itself then meets it.
    const guard = `${state}.guard.json`;
    const vouched = {
      ...JSON.parse(await readFile(guard, 'utf8')),
      state: createHash('sha1').update(damaged).digest('hex'),
    };
    await writeFile(guard, JSON.stringify(vouched));
    expect((await typecheckProject(project.root, files)).errors).toEqual(clean.errors);
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ version: '7.0.2' }); // whole again
    await project.write('dashboards/_lib/x.ts', 'export const x = 1;\n');
    expect(brief(await typecheckProject(project.root, files))).toEqual(['dashboards/a.ts:2:7 TS2322']);
  });

  it('gives every concurrent check the full result and leaves one whole state', async () => {
    project = await tempProject({
      'dashboards/a.ts': "const n: number = 'str';\nexport default n;\n",
      'dashboards/b.ts': 'export default missing;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    const runs = await Promise.all([1, 2, 3].map(() => typecheckProject(project!.root, files)));
    for (const r of runs) expect(brief(r)).toEqual(['dashboards/a.ts:1:7 TS2322', 'dashboards/b.ts:1:16 TS2304']);
    expect((await readdir(stateDir(project.root))).sort()).toEqual([
      'shard-1-of-1.tsbuildinfo',
      'shard-1-of-1.tsbuildinfo.guard.json',
      'shard-1-of-1.tsconfig.json',
    ]);
    expect(brief(await typecheckProject(project.root, files))).toEqual([
      'dashboards/a.ts:1:7 TS2322',
      'dashboards/b.ts:1:16 TS2304',
    ]);
  });

  it('says what is missing and how to fix it when the compiler binary is not installed', () => {
    expect(nativeCompiler(PACKAGE_ROOT, 'linux', 'mips')).toEqual({
      problem:
        'the TypeScript 7 compiler binary for this platform is missing: @typescript/typescript-linux-mips (an optional dependency of typescript@7.0.2) is not installed',
      fix: 'install without `--omit=optional` (e.g. `npm install`), or add it: `npm install -D @typescript/typescript-linux-mips@7.0.2`',
    });
    expect(nativeCompiler(os.tmpdir())).toEqual({
      problem: 'the TypeScript 7 compiler is not installed (npm package typescript-native, an alias of typescript@7)',
      fix: 'run `npm install` in the project (panelcraft depends on it)',
    });
  });

  it('kills the compiler when the check is stopped, leaving no process behind', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++)
      files[`dashboards/d${i}.ts`] =
        "import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';\nexport default new DashboardBuilder('x').build();\n";
    project = await tempProject(files);
    const stop = new AbortController();
    const check = typecheckProject(project.root, Object.keys(files), { signal: stop.signal });
    let pids: number[] = [];
    while (pids.length === 0) {
      await new Promise((r) => setImmediate(r));
      pids = liveCompilers();
    }
    stop.abort();
    await expect(check).rejects.toMatchObject({ name: 'AbortError' });
    expect(liveCompilers()).toEqual([]);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect((await readdir(stateDir(project.root))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sees a file stop declaring a global (which the incremental state of TypeScript 7.0.2 misses)', async () => {
    project = await tempProject({
      'dashboards/_lib/g.ts': 'declare global {\n  var region: string;\n}\nexport {};\n',
      'dashboards/a.ts': "import './_lib/g.ts';\nexport default region;\n",
      'dashboards/b.ts': 'const r: string = region;\nexport default r;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    expect(brief(await typecheckProject(project.root, files))).toEqual([]);
    await project.write('dashboards/_lib/g.ts', 'export const region = 1;\n');
    expect(brief(await typecheckProject(project.root, files))).toEqual([
      'dashboards/a.ts:2:16 TS2304',
      'dashboards/b.ts:1:19 TS2304',
    ]);
  });

  const importsGlobal = "import './_lib/g.ts';\nexport default 1;\n";
  const missing = ['dashboards/b.ts:1:19 TS2304'];
  it.each([
    // TypeScript 7.0.2's incremental state kept b.ts's old error here: the check runs again without the state.
    ['join the program through a new import', 'export default 1;\n', importsGlobal, missing, []],
    ['leave the program when its import goes', importsGlobal, 'export default 1;\n', [], missing],
  ])('sees a file declaring a global %s', async (_name, before, after, errorsBefore, errorsAfter) => {
    project = await tempProject({
      'dashboards/_lib/g.ts': 'declare global {\n  var region: string;\n}\nexport {};\n',
      'dashboards/a.ts': before,
      'dashboards/b.ts': 'const r: string = region;\nexport default r;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts'];
    expect(brief(await typecheckProject(project.root, files))).toEqual(errorsBefore);
    await project.write('dashboards/a.ts', after);
    expect(brief(await typecheckProject(project.root, files))).toEqual(errorsAfter);
  });

  it('splits roots into stable shards and sees globals across them', async () => {
    project = await tempProject({
      'dashboards/_lib/globals.ts': 'declare global {\n  var region: string;\n}\nexport {};\n',
      'dashboards/a.ts': "import './_lib/globals.ts';\nexport default region;\n",
      'dashboards/b.ts': 'export default 3;\n',
      'dashboards/d.ts': 'const n: number = region;\nexport default n;\n',
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/d.ts'];
    const full = await typecheckProject(project.root, files, { cacheDir: path.join(project.root, 'full') });
    expect([full.programs, brief(full)]).toEqual([1, ['dashboards/d.ts:1:7 TS2322']]);
    const sharded = await typecheckProject(project.root, files, { maxRoots: 1 });
    expect(brief(sharded)).toEqual(brief(full));
    // Shards {b, d} and {a} (by hash), then {b, d} again with the file declaring the global as a root.
    expect(sharded.programs).toBe(3);
    expect((await readdir(stateDir(project.root))).filter((f) => f.endsWith('.tsbuildinfo')).sort()).toEqual([
      'shard-1-of-2-globals.tsbuildinfo',
      'shard-1-of-2.tsbuildinfo',
      'shard-2-of-2.tsbuildinfo',
    ]);
    // One program now: the states of two are removed.
    await typecheckProject(project.root, files);
    expect((await readdir(stateDir(project.root))).sort()).toEqual([
      'shard-1-of-1.tsbuildinfo',
      'shard-1-of-1.tsbuildinfo.guard.json',
      'shard-1-of-1.tsconfig.json',
    ]);
  });

  it('runs the programs of a check without state one after the other, never two compilers at once', async () => {
    const files = await fourDashboards([
      'export default 1;\n',
      "const n: number = 'x';\nexport default n;\n",
      'export default 3;\n',
      'export default 4;\n',
    ]);
    let most = 0;
    const seen = new Set<number>();
    const poll = setInterval(() => {
      const live = liveCompilers();
      for (const pid of live) seen.add(pid);
      most = Math.max(most, live.length);
    }, 1);
    try {
      const outcome = await typecheckProject(project!.root, files, { maxRoots: 1, concurrentWhenWarm: true });
      // Two programs: {b, c, d} and {a} (by hash).
      expect([brief(outcome), outcome.programs, outcome.atOnce]).toEqual([['dashboards/b.ts:1:7 TS2322'], 2, 1]);
    } finally {
      clearInterval(poll);
    }
    expect([most, seen.size > 1]).toEqual([1, true]);
    expect((await readdir(stateDir(project!.root))).filter((f) => f.endsWith('.tsbuildinfo')).length).toBe(2);
  });

  it('checks two programs at once for a build whose programs both have their state, one after the other else', async () => {
    // Named so that their hashes fill both buckets of two programs and three of four.
    const files = await fourDashboards(
      [
        'const s: string = 1;\nexport default s;\n',
        'export default 3;\n',
        'export default 4;\n',
        "const n: number = 'x';\nexport default n;\n",
      ],
      ['b', 'f', 'm', 'q'],
    );
    const expected = ['dashboards/b.ts:1:7 TS2322', 'dashboards/q.ts:1:7 TS2322'];
    const check = (options: { maxRoots: number; concurrentWhenWarm?: boolean }) =>
      typecheckProject(project!.root, files, options);
    const atOnce = async (options: { maxRoots: number; concurrentWhenWarm?: boolean }) => {
      const outcome = await check(options);
      expect(brief(outcome)).toEqual(expected);
      return [outcome.programs, outcome.atOnce];
    };
    // No state yet: one after the other, also when asked.
    expect(await atOnce({ maxRoots: 2, concurrentWhenWarm: true })).toEqual([2, 1]);
    // Both states kept: at once when asked (a build), one after the other when not (`dev`).
    expect(await atOnce({ maxRoots: 2, concurrentWhenWarm: true })).toEqual([2, 2]);
    expect(await atOnce({ maxRoots: 2 })).toEqual([2, 1]);
    await project!.write('dashboards/f.ts', "export default 'three';\n");
    expect(await atOnce({ maxRoots: 2, concurrentWhenWarm: true })).toEqual([2, 2]);
    // One state missing: one after the other again.
    const states = (await readdir(stateDir(project!.root))).filter((f) => f.endsWith('.tsbuildinfo'));
    expect(states.sort()).toEqual(['shard-1-of-2.tsbuildinfo', 'shard-2-of-2.tsbuildinfo']);
    await rm(path.join(stateDir(project!.root), states[0]!));
    expect(await atOnce({ maxRoots: 2, concurrentWhenWarm: true })).toEqual([2, 1]);
    // More programs than WARM_AT_ONCE (three): one after the other, also when warm.
    await check({ maxRoots: 1, concurrentWhenWarm: true });
    expect(await atOnce({ maxRoots: 1, concurrentWhenWarm: true })).toEqual([3, 1]);
  });

  it('equals one full check after any sequence of edits, in shards of any size', async () => {
    const variants: Record<string, readonly (string | undefined)[]> = {
      'dashboards/_lib/a.ts': [
        'export const a: number = 1;\n',
        "export const a: string = 'x';\n",
        'export const a = ;\n',
        "const z: number = 'q';\nexport const a = 1;\nexport const b2 = z;\n",
      ],
      'dashboards/_lib/c.ts': [undefined, 'export const c = 1;\n', "export const c = 'x';\n"],
      'dashboards/_lib/g.ts': [
        undefined,
        'declare global {\n  var region: string;\n}\nexport {};\n',
        'var region = 1;\n',
      ],
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
            "import '../_lib/g.ts';\nconst r: number = region;\nexport default r;\n",
            'const r: string = region;\nexport default r;\n',
            undefined,
          ],
        ]),
      ),
    };
    const names = Object.keys(variants);
    const edit = fc.record({ file: fc.constantFrom(...names), pick: fc.nat() });
    project = await tempProject();
    const { root } = project;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (edits, maxRoots) => {
          const cacheDir = path.join(root, `cache-${run++}`);
          await rm(path.join(root, 'dashboards'), { recursive: true, force: true });
          await project!.write('dashboards/_lib/a.ts', variants['dashboards/_lib/a.ts']![0]!);
          await project!.write('dashboards/_lib/b.ts', variants['dashboards/_lib/b.ts']![0]!);
          await project!.write('dashboards/_lib/g.ts', variants['dashboards/_lib/g.ts']![1]!);
          // d0 imports the file declaring a global, d3 and d4 use the global without importing it.
          for (const [i, pick] of [8, 0, 1, 9, 9].entries())
            await project!.write(`dashboards/x/d${i}.ts`, variants[`dashboards/x/d${i}.ts`]![pick]!);
          const present = new Set(names.filter((n) => n !== 'dashboards/_lib/c.ts'));
          const roots = () => names.filter((n) => n.startsWith('dashboards/x/') && present.has(n));
          await typecheckProject(root, roots(), { cacheDir, maxRoots });
          // The same edits with kept answers: every file dated back, so the answers are kept and compared.
          const keptDir = path.join(root, `kept-${run}`);
          const dated = async () => backdate(root, [...present]);
          await dated();
          await typecheckProject(root, roots(), { cacheDir: keptDir, maxRoots, reuse: inputsOf(root) });
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
            // A build's options: two warm programs are checked at once.
            const incremental = await typecheckProject(root, roots(), { cacheDir, maxRoots, concurrentWhenWarm: true });
            const full = await typecheckProject(root, roots(), { cacheDir: path.join(root, `fresh-${run}`) });
            await rm(path.join(root, `fresh-${run}`), { recursive: true, force: true });
            expect(incremental.errors).toEqual(full.errors);
            await dated();
            const reusing = { cacheDir: keptDir, maxRoots, concurrentWhenWarm: true, reuse: inputsOf(root) };
            const kept = await typecheckProject(root, roots(), reusing);
            expect(kept.errors).toEqual(full.errors);
            expect(kept.read).toEqual(full.read);
          }
        },
      ),
      { numRuns: 12, seed: 1129 },
    );
  }, 120_000);
});

describe('kept answers of programs (`reuse`)', () => {
  it('runs only the programs whose files changed, and runs all again when a file appears or the setup changes', async () => {
    project = await tempProject({
      'dashboards/a.ts': 'const s: string = 1;\nexport default s;\n',
      'dashboards/k.ts': 'export default 2;\n', // in the other program than a.ts (by hash)
    });
    const { root } = project;
    const files = ['dashboards/a.ts', 'dashboards/k.ts'];
    await backdate(root, files);
    const check = async () => {
      const outcome = await typecheckProject(root, files, { maxRoots: 1, reuse: inputsOf(root) });
      return { programs: outcome.programs, errors: brief(outcome), read: outcome.read };
    };
    const a = { errors: ['dashboards/a.ts:1:7 TS2322'], read: files };
    expect(await check()).toEqual({ programs: 2, ...a });
    expect((await readdir(stateDir(root))).filter((f) => f.endsWith('.result.json')).sort()).toEqual([
      'shard-1-of-2.tsbuildinfo.result.json',
      'shard-2-of-2.tsbuildinfo.result.json',
    ]);
    expect(await check()).toEqual({ programs: 0, ...a }); // nothing changed: no compiler ran
    await project.write('dashboards/k.ts', "const n: number = 'x';\nexport default n;\n");
    await backdate(root, ['dashboards/k.ts']);
    const both = { errors: ['dashboards/a.ts:1:7 TS2322', 'dashboards/k.ts:1:7 TS2322'], read: files };
    expect(await check()).toEqual({ programs: 1, ...both }); // k's program only
    expect(await check()).toEqual({ programs: 0, ...both });
    // A new file in the scope may change what an import resolves to: every program again.
    await project.write('dashboards/_lib/c.ts', 'export const c = 1;\n');
    expect(await check()).toEqual({ programs: 2, ...both });
    // A file modified just before the run: the answer is not kept (it may be of bytes the compiler never saw).
    await project.write('dashboards/a.ts', 'export default 1;\n');
    expect(await check()).toEqual({ programs: 1, errors: ['dashboards/k.ts:1:7 TS2322'], read: files });
    expect(await check()).toEqual({ programs: 1, errors: ['dashboards/k.ts:1:7 TS2322'], read: files });
    // A kept answer that is not one (a damaged cache) is ignored.
    await backdate(root, ['dashboards/a.ts']);
    expect((await check()).programs).toBe(1);
    await writeFile(
      path.join(stateDir(root), 'shard-2-of-2.tsbuildinfo.result.json'),
      '{"format":"panelcraft-program-result-1"',
    );
    expect((await check()).programs).toBe(1);
    expect(await check()).toEqual({ programs: 0, errors: ['dashboards/k.ts:1:7 TS2322'], read: files });
    // Nor is one larger than 16 MB read, valid as it may be.
    const kept = path.join(stateDir(root), 'shard-2-of-2.tsbuildinfo.result.json');
    const valid = JSON.parse(await readFile(kept, 'utf8')) as Record<string, unknown>;
    await writeFile(kept, JSON.stringify({ ...valid, padding: 'x'.repeat(16 * 1024 * 1024) }));
    expect((await check()).programs).toBe(1);
    expect((await check()).programs).toBe(0);
  });
});
