import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});
async function project(files: Record<string, string>): Promise<TempProject> {
  const p = await tempProject({ 'package.json': '{"name":"victim"}\n', ...files });
  cleanup.push(() => p.dispose());
  return p;
}
async function outside(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-outside-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** A dashboard source with an explicit uid (any string, escaped as a JS literal). */
const withUid = (
  title: string,
  uid: string,
) => `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
export default new DashboardBuilder(${JSON.stringify(title)}).uid(${JSON.stringify(uid)})
  .withPanel(new PanelBuilder().title('Requests').description('Requests per second').unit('reqps').withTarget(new DataqueryBuilder().expr('sum(rate(http_requests_total[$__rate_interval]))')));
`;
const plain = (title: string) => withUid(title, title.toLowerCase().replace(/\W+/g, '-'));

describe('the writer never touches anything outside provisioning/', () => {
  it.each([
    ['off', 'rules:\n  uid-format: off\n'],
    ['a warning', 'rules:\n  uid-format: warning\n'],
    [
      'excluded for the dashboard',
      'exclusions:\n  - rule: uid-format\n    dashboard: dashboards/team/evil.ts\n    reason: test\n',
    ],
  ])('refuses a uid of ../../../package with uid-format %s', async (_, config) => {
    const p = await project({
      'panelcraft.yaml': config,
      'dashboards/team/evil.ts': withUid('Evil', '../../../package'),
    });
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'dashboards/team/evil.ts\n  error output-path: provisioning/dashboards/team/../../../package.json: output path "dashboards/team/../../../package.json" has a ".." part and would leave its folder',
    );
    expect(await p.read('package.json')).toBe('{"name":"victim"}\n');
    expect(await tree(path.join(p.root, 'provisioning'))).toEqual([]);
  });

  it('refuses a symlinked provisioning/ and writes nothing where it points', async () => {
    const elsewhere = await outside();
    const p = await project({ 'dashboards/home.ts': plain('Home') });
    await symlink(elsewhere, path.join(p.root, 'provisioning'));
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `provisioning\n  error output-symlink: provisioning/ is a symbolic link (to ${elsewhere}); panelcraft writes only into a real folder inside the project`,
    );
    expect(await tree(elsewhere)).toEqual([]);
  });

  it('reports a symlinked folder and a dangling link inside the tree instead of EISDIR/ENOENT', async () => {
    const elsewhere = await outside();
    await writeFile(path.join(elsewhere, 'keep.json'), '{}');
    const p = await project({
      'dashboards/payments/overview.ts': plain('Overview'),
      'dashboards/home.ts': plain('Home'),
    });
    expect((await p.run('build')).code).toBe(0);
    await rm(path.join(p.root, 'provisioning/dashboards/payments'), { recursive: true });
    await symlink(elsewhere, path.join(p.root, 'provisioning/dashboards/payments'));
    await symlink(path.join(elsewhere, 'gone'), path.join(p.root, 'provisioning/dashboards/dangling.json'));
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error output-symlink: provisioning/dashboards/payments is a symbolic link (to ${elsewhere}); panelcraft never writes through links`,
    );
    expect(r.stderr).toContain(
      'error output-symlink: provisioning/dashboards/dangling.json is a symbolic link to nothing (dangling)',
    );
    expect(r.stderr).not.toContain('internal error');
    expect(await tree(elsewhere)).toEqual(['keep.json']);
    expect(await p.run('build', '--check')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('output-symlink'),
    });
  });

  it.each([
    ['a NUL', 'bad\u0000uid', 'holds the control character U+0000'],
    ['a 300-character', 'x'.repeat(300), 'is 305 bytes long; file systems take at most 255'],
    ['a Windows device', 'CON', 'is a device name on Windows'],
    ['a lower-case device with extension', 'aux', 'is a device name on Windows'],
    ['a COM port', 'com1', 'is a device name on Windows'],
  ])('refuses %s uid before writing anything (no YAML, no manifest)', async (_, uid, message) => {
    const p = await project({
      'panelcraft.yaml': 'rules:\n  uid-format: off\n',
      'dashboards/a.ts': plain('Alpha'),
      'dashboards/z.ts': withUid('Zed', uid),
    });
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('nothing was written');
    expect(await tree(path.join(p.root, 'provisioning'))).toEqual([]);
  });

  it('refuses uids that differ only in case', async () => {
    const p = await project({ 'dashboards/a.ts': withUid('One', 'Dash'), 'dashboards/b.ts': withUid('Two', 'dash') });
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'provisioning/dashboards/dash.json and provisioning/dashboards/Dash.json differ only in case or Unicode normalization; on macOS and Windows they are one file',
    );
    expect(await tree(path.join(p.root, 'provisioning'))).toEqual([]);
  });

  it('refuses folders that differ only in case', async () => {
    const p = await project({ 'dashboards/Payments/a.ts': plain('One'), 'dashboards/payments/b.ts': plain('Two') });
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'provisioning/dashboards/payments and provisioning/dashboards/Payments differ only in case or Unicode normalization; on macOS and Windows they are one folder',
    );
  });

  it('reports a second provider YAML in provisioning/dashboards/', async () => {
    const p = await project({ 'dashboards/home.ts': plain('Home') });
    await mkdir(path.join(p.root, 'provisioning/dashboards'), { recursive: true });
    await writeFile(path.join(p.root, 'provisioning/dashboards/other.yml'), 'apiVersion: 1\nproviders: []\n');
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error output-foreign-file: provisioning/dashboards/other.yml is a second dashboard provider next to provisioning/dashboards/panelcraft-provider.yaml',
    );
  });

  it('reports a file where a folder must go, and a folder where a file must go', async () => {
    const p = await project({
      'dashboards/payments/overview.ts': plain('Overview'),
      'dashboards/home.ts': plain('Home'),
    });
    await mkdir(path.join(p.root, 'provisioning/dashboards/home.json'), { recursive: true });
    await writeFile(path.join(p.root, 'provisioning/dashboards/payments'), 'not a folder');
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('provisioning/dashboards/home.json is a folder, but the build writes a file there');
    expect(r.stderr).toContain(
      'provisioning/dashboards/payments is a file, but the build needs a folder there for provisioning/dashboards/payments/overview.json',
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it('ignores manifest lines that point outside the tree', async () => {
    const p = await project({ 'dashboards/home.ts': plain('Home') });
    expect((await p.run('build')).code).toBe(0);
    const manifest = path.join(p.root, 'provisioning/.panelcraft-manifest');
    await writeFile(manifest, `${await readFile(manifest, 'utf8')}${'0'.repeat(64)} ../package.json\n`);
    expect((await p.run('build')).code).toBe(0);
    expect(await p.read('package.json')).toBe('{"name":"victim"}\n');
  });
});

describe('credentials in panelcraft.yaml', () => {
  it.each([
    [
      'user:password@',
      'http://grafana:hunter2@prometheus:9090',
      'datasource url "http://***@prometheus:9090" carries a user name and password',
    ],
    [
      '?access_token=',
      'http://prometheus:9090/?access_token=hunter2',
      'datasource url "http://prometheus:9090/?access_token=***" carries "access_token" in its query string',
    ],
  ])('refuses a datasource.url with %s and never prints the secret', async (_, url, message) => {
    const p = await project({ 'panelcraft.yaml': `datasource:\n  url: ${url}\n`, 'dashboards/home.ts': plain('Home') });
    const r = await p.run('build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/secureJsonData/);
    expect(r.stderr).not.toContain('hunter2');
    expect(await tree(path.join(p.root, 'provisioning'))).toEqual([]);
  });
});
