import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.map((p) => p.dispose()));
  projects = [];
});
async function project(files: Record<string, string>): Promise<TempProject> {
  const p = await tempProject(files);
  projects.push(p);
  return p;
}

async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  await walk(dir, '');
  return out.sort();
}

const two = {
  'dashboards/payments/overview.ts': sdkDashboardSource('Payments overview'),
  'dashboards/home.ts': sdkDashboardSource('Home'),
};

describe('panelcraft build', () => {
  it('writes the provisioning tree, and nothing on a second run', async () => {
    const p = await project(two);
    const first = await p.run('build');
    expect(first).toMatchObject({
      code: 0,
      stdout: 'panelcraft build: 2 dashboards → provisioning/ (4 written, 0 deleted, 0 unchanged)\n',
    });
    expect(await listTree(path.join(p.root, 'provisioning'))).toEqual([
      '.panelcraft-manifest',
      'dashboards/home.json',
      'dashboards/panelcraft-provider.yaml',
      'dashboards/payments/payments-overview.json',
      'datasources/prometheus.yaml',
    ]);
    const before = await stat(path.join(p.root, 'provisioning/dashboards/payments/payments-overview.json'));
    const second = await p.run('build');
    expect(second.stdout).toBe('panelcraft build: 2 dashboards → provisioning/ (0 written, 0 deleted, 4 unchanged)\n');
    expect((await stat(path.join(p.root, 'provisioning/dashboards/payments/payments-overview.json'))).mtimeMs).toBe(
      before.mtimeMs,
    );
  });

  it('gives the same bytes in another checkout path', async () => {
    const a = await project(two);
    const b = await project(two);
    await a.run('build');
    await b.run('build');
    for (const f of await listTree(path.join(a.root, 'provisioning')))
      expect(await b.read(`provisioning/${f}`)).toBe(await a.read(`provisioning/${f}`));
  });

  it('writes nothing when one dashboard fails, and reports every failing file', async () => {
    const p = await project({
      ...two,
      'dashboards/payments/broken.ts': 'export default new DashboardBuilder(\n',
      'dashboards/payments/named.ts': "export const dash = { title: 'x' };\n",
      'dashboards/payments/throws.ts': "throw new Error('no config for payments');\n",
    });
    const out = await p.run('build');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'dashboards/payments/broken.ts\n  error load: does not compile: dashboards/payments/broken.ts:2:1: Unexpected end of file',
    );
    expect(out.stderr).toContain(
      'dashboards/payments/named.ts\n  error load: must `export default` a dashboard (found named export `dash`)',
    );
    // Shared code without a default export is most often a helper put outside a "_" folder.
    expect(out.stderr).toContain(
      'a file of code shared by others belongs in a folder whose name starts with "_" (such as _lib/), which is never loaded on its own',
    );
    expect(out.stderr).toContain(
      'dashboards/payments/throws.ts\n  error load: threw while loading: no config for payments (at dashboards/payments/throws.ts:1:7)',
    );
    // The type check reports the syntax error with its position; with a syntax error in the program, `tsc` reports
    // syntax errors only (the missing import of DashboardBuilder shows once it parses).
    expect(out.stderr).toContain("dashboards/payments/broken.ts:2:1\n  error typescript: TS1005: ')' expected.");
    expect(out.stderr).not.toContain('TS2304');
    expect(out.stderr).toContain('panelcraft build: 4 errors, ');
    // Not even the folder, nor the hidden stage the dashboards that did render were written ahead into.
    expect(existsSync(path.join(p.root, 'provisioning'))).toBe(false);
  });

  it('rejects dashboards two folders deep and ignores _shared code', async () => {
    const p = await project({
      'dashboards/_lib/common.ts': "export const title = 'Shared';\n",
      'dashboards/team/_helpers.ts': 'export {};\n',
      'dashboards/team/sub/deep.ts': sdkDashboardSource('Deep'),
    });
    const out = await p.run('build');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'dashboards/team/sub/deep.ts\n  error folder-depth: dashboards/team/sub/deep.ts is 2 folders deep; Grafana ≤ 12 flattens folders to the last one ("sub"), merging unrelated dashboards',
    );
  });

  it('keeps a foreign .json file, fails, and names it', async () => {
    const p = await project({ ...two, 'provisioning/dashboards/payments/legacy.json': '{"title":"Legacy"}' });
    const out = await p.run('build');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'provisioning/dashboards/payments/legacy.json\n  error output-foreign-file: provisioning/dashboards/payments/legacy.json was not written by panelcraft',
    );
    expect(await p.read('provisioning/dashboards/payments/legacy.json')).toBe('{"title":"Legacy"}');
    expect(await listTree(path.join(p.root, 'provisioning'))).toEqual(['dashboards/payments/legacy.json']);
  });

  it('--check names stale, missing, orphan and hand-edited files and writes nothing', async () => {
    const p = await project(two);
    await p.run('build');
    expect(await p.run('build', '--check')).toMatchObject({ code: 0 });
    await p.write('dashboards/home.ts', sdkDashboardSource('Home v2'));
    await p.write('dashboards/payments/refunds.ts', sdkDashboardSource('Refunds'));
    const stale = await p.run('build', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale     provisioning/dashboards/home.json\n');
    expect(stale.stderr).toContain('missing   provisioning/dashboards/payments/payments-refunds.json\n');
    expect(JSON.parse(await p.read('provisioning/dashboards/home.json')).title).toBe('Home');

    await p.run('build');
    const edited = (await p.read('provisioning/dashboards/home.json')).replace('"Home v2"', '"Edited in place"');
    await p.write('provisioning/dashboards/home.json', edited);
    const check = await p.run('build', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      'provisioning/dashboards/home.json\n  error output-hand-edited: provisioning/dashboards/home.json was edited by hand after panelcraft wrote it',
    );
    const build = await p.run('build');
    expect(build.code).toBe(1);
    expect(await p.read('provisioning/dashboards/home.json')).toBe(edited);
    expect((await p.run('build', '--force')).code).toBe(0);
    expect(JSON.parse(await p.read('provisioning/dashboards/home.json')).title).toBe('Home v2');

    await p.write('dashboards/payments/refunds.ts', '');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(p.root, 'dashboards/payments/refunds.ts'));
    const orphan = await p.run('build', '--check');
    expect(orphan.stderr).toContain('orphan    provisioning/dashboards/payments/payments-refunds.json\n');
    expect((await p.run('build')).stdout).toBe(
      'panelcraft build: 2 dashboards → provisioning/ (0 written, 1 deleted, 4 unchanged)\n',
    );
    expect(await listTree(path.join(p.root, 'provisioning/dashboards/payments'))).toEqual(['payments-overview.json']);
  });

  it('--json prints the result as data', async () => {
    const p = await project({ 'dashboards/home.ts': sdkDashboardSource('Home') });
    const out = await p.run('build', '--json');
    expect(out.code).toBe(0);
    const data = JSON.parse(out.stdout);
    expect(data).toMatchObject({
      ok: true,
      written: true,
      dashboards: [{ source: 'dashboards/home.ts', uid: 'home', output: 'provisioning/dashboards/home.json' }],
    });
    expect(Object.keys(data.timings)).toEqual(['config', 'typecheck', 'load', 'render']);
  });

  it('exits 2 on usage errors', async () => {
    const p = await project({});
    expect(await p.run('build', '--bogus')).toMatchObject({ code: 2 });
    expect(await p.run('nope')).toMatchObject({ code: 2 });
  });

  it('reports a bad panelcraft.yaml and writes nothing', async () => {
    const p = await project({ ...two, 'panelcraft.yaml': 'grafanaVersion: "9.1"\nrules: { grid-overlap: loud }\n' });
    const out = await p.run('build');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('error config (/grafanaVersion): grafanaVersion "9.1" is older than 10.0');
    expect(out.stderr).toContain(
      'error config (/rules/grid-overlap): rule grid-overlap: level "loud" is not one of error, warning, off',
    );
  });
});

describe('panelcraft build type-checks the sources', () => {
  it.each([
    [
      'a misspelled option key',
      "import { clientGolang, goServiceOverview } from 'panelcraft';\n\nexport default goServiceOverview({\n  convention: clientGolang({ metrics: { requestDurtion: 'api_seconds' } }),\n});\n",
      "dashboards/api/overview.ts:4:41\n  error typescript: TS2561: Object literal may only specify known properties, but 'requestDurtion' does not exist in type 'Partial<ConventionMetrics>'. Did you mean to write 'requestDuration'?",
    ],
    [
      'a type error',
      `${sdkDashboardSource('API')}const n: number = 'str';\n`,
      "dashboards/api/overview.ts:7:7\n  error typescript: TS2322: Type 'string' is not assignable to type 'number'.",
    ],
    [
      'a message chain, in a dashboard and in the helper it imports',
      `${sdkDashboardSource('API')}import { owner } from '../_lib/owner.ts';\ninterface Meta { links: { url: number } }\nconst links = { links: { url: 'x' } };\nexport const meta: Meta = links;\nvoid owner;\n`,
      [
        'dashboards/_lib/owner.ts:1:14',
        "  error typescript: TS2322: Type 'string' is not assignable to type 'number'.",
        '    fix: fix the type error at the position shown (the same check as `tsc --noEmit`)\n',
        'dashboards/api/overview.ts:10:14',
        "  error typescript: TS2322: Type '{ links: { url: string; }; }' is not assignable to type 'Meta'.",
        "      The types of 'links.url' are incompatible between these types.",
        "        Type 'string' is not assignable to type 'number'.",
        '    fix: fix the type error at the position shown (the same check as `tsc --noEmit`)\n',
      ].join('\n'),
    ],
  ])(
    '%s fails build and build --check with file:line:col, exit 1, writing nothing',
    async (_name, source, expected) => {
      const p = await project({
        'dashboards/api/overview.ts': source,
        'dashboards/_lib/owner.ts': "export const owner: number = 'team-api';\n",
      });
      for (const args of [['build'], ['build', '--check']]) {
        const out = await p.run(...args);
        expect(out.code).toBe(1);
        for (const block of expected.split('\n\n')) expect(out.stderr).toContain(block);
      }
      // The dashboard rendered and was written ahead into a hidden stage: the type error removed it, and the folder.
      expect(existsSync(path.join(p.root, 'provisioning'))).toBe(false);
    },
  );

  it('refuses a missing dashboards/, a --root that does not exist or is a file: exit 2, nothing created', async () => {
    const p = await project({ 'panelcraft.yaml': '', 'sub/readme.md': 'x' });
    const cases: Array<[string[], string]> = [
      [['build'], `${p.root} has no dashboards/ or alerts/ folder`],
      [['build', '--root', 'typo'], `--root ${path.join(p.root, 'typo')} does not exist`],
      [['build', '--root', 'panelcraft.yaml'], `--root ${path.join(p.root, 'panelcraft.yaml')} is a file`],
      [['build', '--root', 'sub'], `${path.join(p.root, 'sub')} has no dashboards/ or alerts/ folder`],
    ];
    for (const [args, message] of cases) {
      const out = await p.run(...args);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(message);
      expect(out.stderr).not.toContain('internal error');
    }
    expect(await listTree(p.root)).toEqual(['panelcraft.yaml', 'sub/readme.md']);
  });
});

describe('panelcraft build finds the project from a subfolder', () => {
  it('builds into the root, never a stray provisioning/ in the working directory', async () => {
    const p = await project({ 'package.json': '{}', ...two });
    const sub = path.join(p.root, 'dashboards', 'payments');
    const out = await runCli(['build'], sub);
    expect(out).toMatchObject({
      code: 0,
      stdout: 'panelcraft build: 2 dashboards → provisioning/ (4 written, 0 deleted, 0 unchanged)\n',
    });
    expect(await listTree(path.join(p.root, 'provisioning'))).toContain('dashboards/payments/payments-overview.json');
    expect(await listTree(sub)).toEqual(['overview.ts']);
    // Inside the output, too: provisioning/ holds a dashboards/ folder but is not a project.
    expect((await runCli(['build', '--check'], path.join(p.root, 'provisioning'))).code).toBe(0);
    // The provider is not named like the settings file, so inside provisioning/dashboards it is not read as one.
    expect(await listTree(path.join(p.root, 'provisioning', 'dashboards'))).toContain('panelcraft-provider.yaml');
    const inside = await runCli(['build', '--check'], path.join(p.root, 'provisioning', 'dashboards'));
    expect(inside.code).toBe(0);
    expect(inside.stdout).toContain('provisioning/ is up to date');
  });
});
