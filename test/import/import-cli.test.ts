import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../support/temp-project.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/dashboards');
const MODERN = path.join(FIXTURES, 'go-service-modern.json');
const LEGACY = path.join(FIXTURES, 'legacy-node-exporter.json');

const projects: TempProject[] = [];
async function project(files: Record<string, string> = {}): Promise<TempProject> {
  const p = await tempProject(files);
  projects.push(p);
  return p;
}
afterEach(async () => {
  for (const p of projects.splice(0)) await p.dispose();
});

/** Every file below `dir` of the project (posix, relative), dot-files included. */
async function filesUnder(p: TempProject, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(p.root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(p.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('panelcraft import', () => {
  it('exits 2 with the usage when files or --out are missing, or an input does not exist', async () => {
    const p = await project();
    expect(await p.run('import', '--out', 'dashboards/x')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'panelcraft import: no dashboard JSON files given\nusage: panelcraft import FILE.json… --out DIR [--use-panelcraft] [--factor] [--root DIR] [--json]\n',
    });
    expect(await p.run('import', MODERN)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^panelcraft import: --out DIR is required \(e\.g\. --out dashboards\/payments\)\n/,
      ),
    });
    expect(await p.run('import', 'nope.json', '--out', 'dashboards/x')).toMatchObject({
      code: 2,
      stderr: 'panelcraft import: file "nope.json" does not exist\n',
    });
    expect(await p.run('import', MODERN, '--out', 'dashboards/x', '--bogus')).toMatchObject({ code: 2 });
    expect(await filesUnder(p, 'dashboards')).toEqual([]);
  });

  it('writes one .ts per input named from the title, reports notes and warnings, exits 0', async () => {
    const p = await project({ 'exports/orders.json': await readFixture(MODERN) });
    const { code, stdout, stderr } = await p.run(
      'import',
      'exports/orders.json',
      LEGACY,
      '--out',
      'dashboards/imported',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(await filesUnder(p, 'dashboards')).toEqual([
      'dashboards/imported/node-exporter-full.ts',
      'dashboards/imported/orders-service.ts',
    ]);
    expect(stdout.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'dashboards/imported/orders-service.ts ← exports/orders.json',
      `dashboards/imported/node-exporter-full.ts ← ${LEGACY.split(path.sep).join('/')}`,
      'panelcraft import: 2 dashboards written, 1 warning (run `panelcraft build` to see them as diagnostics).',
      '',
    ]);
    expect(stdout).toContain(
      '  note: replaced datasource "${DS_PROMETHEUS}" (an import placeholder for a Prometheus datasource, 6 uses) with { type: "prometheus", uid: "${datasource}" }\n',
    );
    expect(await p.read('dashboards/imported/orders-service.ts')).toMatch(
      /^\/\/ Imported by `panelcraft import` from "exports\/orders\.json"\.\n/,
    );
  });

  it('refuses to overwrite an existing file: exit 1, the file unchanged, and nothing else written', async () => {
    const p = await project({ 'dashboards/imported/orders-service.ts': 'export default "mine";\n' });
    const { code, stdout, stderr } = await p.run('import', LEGACY, MODERN, '--out', 'dashboards/imported');
    expect(code).toBe(1);
    expect(stdout).toContain(
      '  error import-exists: dashboards/imported/orders-service.ts already exists; panelcraft import never overwrites a file: move or delete it, or import into another --out folder\n',
    );
    expect(stderr).toBe('panelcraft import: 1 of 2 files cannot be imported; nothing was written.\n');
    expect(await p.read('dashboards/imported/orders-service.ts')).toBe('export default "mine";\n');
    expect(await filesUnder(p, 'dashboards')).toEqual(['dashboards/imported/orders-service.ts']);
  });

  it('writes nothing at all when any input is not a dashboard (all-or-nothing)', async () => {
    const p = await project({
      'list.json': '[1, 2]',
      'v2.json': await readFixture(path.join(FIXTURES, 'k8s-v2-resource.json')),
    });
    const { code, stdout, stderr } = await p.run('import', MODERN, 'list.json', 'v2.json', '--out', 'dashboards/new');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'list.json\n  error not-a-dashboard: file holds a JSON array (2 items), not a dashboard object\n',
    );
    expect(stdout).toMatch(/^v2\.json\n {2}error dashboard-v2: dashboard is a v2 resource/m);
    expect(stderr).toBe('panelcraft import: 2 of 3 files cannot be imported; nothing was written.\n');
    expect(await filesUnder(p, 'dashboards')).toEqual([]);
  });

  it('--json prints every input with its output, uid and findings', async () => {
    const p = await project({ 'a.json': JSON.stringify({ title: 'No uid here', schemaVersion: 41, panels: [] }) });
    const { code, stdout, stderr } = await p.run('import', 'a.json', '--out', 'dashboards/team', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      command: 'import',
      ok: true,
      summary: { errors: 0, warnings: 0 },
      diagnostics: [],
      written: true,
      files: [
        {
          source: 'a.json',
          output: 'dashboards/team/no-uid-here.ts',
          uid: 'team-no-uid-here',
          uidDerived: true,
          findings: [
            {
              kind: 'note',
              pointer: '/uid',
              message:
                'the dashboard has no uid; the build derives it from the path: "team-no-uid-here" (set "uid" to pin it)',
            },
          ],
          panels: [],
        },
      ],
    });
    expect(await filesUnder(p, 'dashboards')).toEqual(['dashboards/team/no-uid-here.ts']);
  });

  it('--json reports refusals with ok false, written false and exit 1', async () => {
    const p = await project({ 'a.json': '{"title": ' });
    const { code, stdout } = await p.run('import', 'a.json', '--out', 'dashboards/team', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      written: false,
      files: [{ source: 'a.json', findings: [{ kind: 'error', rule: 'json-invalid' }] }],
    });
  });
});

const readFixture = (file: string) => readFile(file, 'utf8');
