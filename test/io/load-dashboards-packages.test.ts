import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDashboards } from '../../src/io/load-dashboards.ts';

/** esbuild's `build`, recording for each call whether it resolved bare imports with a plugin or mapped them (alias). */
const calls = vi.hoisted(() => [] as ('plugin' | 'aliased')[]);
vi.mock('esbuild', async (importOriginal) => {
  const esbuild = await importOriginal<typeof import('esbuild')>();
  return {
    ...esbuild,
    build: (options: import('esbuild').BuildOptions) => {
      calls.push((options.plugins?.length ?? 0) > 0 ? 'plugin' : 'aliased');
      return esbuild.build(options);
    },
  };
});

const roots: string[] = [];
async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-packages-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));
beforeEach(() => {
  calls.length = 0;
});

/** A package whose `import` and `require` conditions give different files, each saying where it was installed. */
function dep(where: string): Record<string, string> {
  const dir = where === 'root' ? 'node_modules/dep' : `${where}/node_modules/dep`;
  return {
    [`${dir}/package.json`]: JSON.stringify({
      name: 'dep',
      exports: { '.': { import: './esm.js', require: './cjs.js' } },
    }),
    [`${dir}/esm.js`]: `export const where = '${where} esm';\n`,
    [`${dir}/cjs.js`]: `exports.where = '${where} cjs';\n`,
  };
}
const usesDep = (name: string) => `import { where } from 'dep';\nexport default { title: \`${name} \${where}\` };\n`;

function titles(loaded: Awaited<ReturnType<typeof loadDashboards>>): string[] {
  return loaded.map((l) =>
    'exported' in l ? (l.exported as { title: string }).title : 'error' in l ? l.error.message : '?',
  );
}

describe('loadDashboards resolves bare imports', () => {
  it('bundles the groups after the first without the resolving plugin, importing the files it resolved', async () => {
    const root = await project({
      ...dep('root'),
      'dashboards/a.ts': usesDep('a'),
      'dashboards/b.ts': usesDep('b'),
      'dashboards/team/c.ts': usesDep('c'),
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/team/c.ts'];
    const inputs = new Set<string>();
    const loaded = await loadDashboards(root, files, inputs, 1);
    expect(titles(loaded)).toEqual(['a root esm', 'b root esm', 'c root esm']);
    expect(calls).toEqual(['plugin', 'aliased', 'aliased']);
    expect(loaded.map((l) => 'exported' in l && l.inputs)).toEqual(files.map((f) => [path.join(root, f)]));
    expect([...inputs].sort()).toEqual(files.map((f) => path.join(root, f)));

    // `dev` loads again in the same process: what it resolved before maps every group, the first too.
    calls.length = 0;
    expect(titles(await loadDashboards(root, files, undefined, 2))).toEqual(['a root esm', 'b root esm', 'c root esm']);
    expect(calls).toEqual(['aliased', 'aliased']);
  });

  it("takes a package the project lacks from panelcraft's install, in mapped groups too", async () => {
    const sdk = (name: string) =>
      `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';\nexport default new DashboardBuilder('${name}');\n`;
    const root = await project({ 'dashboards/a.ts': sdk('A'), 'dashboards/b.ts': sdk('B') });
    const loaded = await loadDashboards(root, ['dashboards/a.ts', 'dashboards/b.ts'], undefined, 1);
    expect(loaded.map((l) => 'exported' in l && (l.exported as { build(): { title: string } }).build().title)).toEqual([
      'A',
      'B',
    ]);
    expect(calls).toEqual(['plugin', 'aliased']);
  });

  it("maps `panelcraft` to its own source, whose imports resolve from panelcraft's install", async () => {
    const preset = (job: string) =>
      `import { clientGolang, goServiceOverview } from 'panelcraft';\nexport default goServiceOverview({ convention: clientGolang(), job: '${job}', title: '${job}' });\n`;
    const root = await project({ 'dashboards/a.ts': preset('a'), 'dashboards/team/b.ts': preset('b') });
    const loaded = await loadDashboards(root, ['dashboards/a.ts', 'dashboards/team/b.ts'], undefined, 1);
    expect(loaded.map((l) => 'exported' in l && (l.exported as { build(): { title: string } }).build().title)).toEqual([
      'a',
      'b',
    ]);
    expect(calls).toEqual(['plugin', 'aliased']);
  });

  it('gives a dashboard below its own node_modules that package, not the one the first group resolved', async () => {
    const root = await project({
      ...dep('root'),
      ...dep('dashboards/nested'),
      'dashboards/a.ts': usesDep('a'),
      'dashboards/b.ts': usesDep('b'),
      'dashboards/nested/d.ts': usesDep('d'),
      'dashboards/z.ts': usesDep('z'),
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/nested/d.ts', 'dashboards/z.ts'];
    expect(titles(await loadDashboards(root, files, undefined, 1))).toEqual([
      'a root esm',
      'b root esm',
      'd dashboards/nested esm',
      'z root esm',
    ]);
  });

  it('resolves `require` by its own condition', async () => {
    const root = await project({
      ...dep('root'),
      'dashboards/a.ts': usesDep('a'),
      'dashboards/b.ts': "const { where } = require('dep');\nexport default { title: `b ${where}` };\n",
      'dashboards/c.ts': usesDep('c'),
    });
    const files = ['dashboards/a.ts', 'dashboards/b.ts', 'dashboards/c.ts'];
    // (vitest's module runner defines `require`, which esbuild's ESM output calls.)
    expect(titles(await loadDashboards(root, files, undefined, 1))).toEqual(['a root esm', 'b root cjs', 'c root esm']);
  });

  it('reports a package that is not installed as the plugin does, also in a mapped group', async () => {
    const files = { ...dep('root'), 'dashboards/a.ts': usesDep('a'), 'dashboards/z.ts': "import 'not-installed';\n" };
    const missing = `does not compile: dashboards/z.ts:1:8: Could not resolve "not-installed"`;
    const mapped = await project(files);
    expect(titles(await loadDashboards(mapped, ['dashboards/a.ts', 'dashboards/z.ts'], undefined, 1))).toEqual([
      'a root esm',
      missing,
    ]);
    // Mapped, the missing package stays a bare import; the group is bundled again with the plugin, then z.ts alone.
    expect(calls).toEqual(['plugin', 'aliased', 'plugin', 'plugin']);
    calls.length = 0;
    const plugin = await project(files);
    expect(titles(await loadDashboards(plugin, ['dashboards/a.ts', 'dashboards/z.ts']))).toEqual([
      'a root esm',
      missing,
    ]);
    expect(calls).toEqual(['plugin', 'plugin', 'plugin']); // the group, then each file alone
  });

  it('keeps Node builtins, names of tsconfig paths and type-only imports as the plugin does', async () => {
    const root = await project({
      ...dep('root'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./dashboards/_lib/*'] } } }),
      'dashboards/_lib/names.ts': 'export const team = (n: string) => `Team ${n}`;\n',
      'dashboards/a.ts': usesDep('a'),
      'dashboards/b.ts': [
        "import { basename } from 'node:path';",
        "import { sep } from 'path';",
        "import { team } from '@lib/names.ts';",
        "import type { where } from 'dep';",
        "const w: typeof where = 'typed';",
        'export default { title: `${team(basename(`x${sep}b.ts`))} ${w}` };',
        '',
      ].join('\n'),
    });
    const loaded = await loadDashboards(root, ['dashboards/a.ts', 'dashboards/b.ts'], undefined, 1);
    expect(titles(loaded)).toEqual(['a root esm', 'Team b.ts typed']);
    expect(calls).toEqual(['plugin', 'aliased']);
    expect('exported' in loaded[1]! && loaded[1].inputs).toEqual([
      path.join(root, 'dashboards/_lib/names.ts'),
      path.join(root, 'dashboards/b.ts'),
    ]);
  });
});
