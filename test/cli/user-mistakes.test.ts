// The CLI's edges from issue 9: user mistakes are diagnostics with exit 2, never "internal error", and the
// project is found from any folder below it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo, type TempRepo } from '../diff/git-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let repo: TempRepo | undefined;
let project: TempProject | undefined;
afterEach(async () => {
  repo?.dispose();
  repo = undefined;
  await project?.dispose();
  project = undefined;
});

describe("git mistakes are the user's, not bugs", () => {
  it('build --check --committed outside a git repository: exit 2 with what to do', async () => {
    project = await tempProject({ 'package.json': '{}', 'dashboards/api.ts': sdkDashboardSource('API') });
    const out = await project.run('build', '--check', '--committed');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `panelcraft build: ${project.root} is not in a git repository, so "HEAD" means nothing there; run \`git init\` and commit, or run the command in your repository\n`,
    );
  });

  it('a repository without commits, and a ref that does not exist', async () => {
    repo = tempRepo();
    repo.write('package.json', '{}');
    repo.write('dashboards/api.ts', sdkDashboardSource('API'));
    const none = await runCli(['diff', '--base', 'HEAD'], repo.dir);
    expect(none).toEqual({
      code: 2,
      stdout: '',
      stderr: `panelcraft diff: the git repository at ${repo.dir} has no commits yet, so "HEAD" names none; commit first\n`,
    });
    repo.commit('first');
    const missing = await runCli(['diff', '--base', 'mian'], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"mian" does not name a commit');
    expect(missing.stderr).not.toContain('internal error');
  });
});

describe('diff from a subfolder', () => {
  it('sees the change made in the project', async () => {
    repo = tempRepo();
    repo.write('package.json', '{}');
    repo.write('dashboards/payments/overview.ts', sdkDashboardSource('Payments overview'));
    expect((await runCli(['build'], repo.dir)).code).toBe(0);
    repo.commit('first');
    repo.write('dashboards/payments/overview.ts', sdkDashboardSource('Payments overview v2'));
    const out = await runCli(['diff', '--base', 'HEAD'], path.join(repo.dir, 'dashboards', 'payments'));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('setting title: Payments overview → Payments overview v2');
  });
});

describe('global options before the command', () => {
  it('panelcraft --json build is build --json', async () => {
    project = await tempProject({ 'package.json': '{}', 'dashboards/api.ts': sdkDashboardSource('API') });
    const out = await project.run('--json', 'build', '--check');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false });
  });
});

describe('hints name a command that exists in the repository', () => {
  it('npx panelcraft build without the script, npm run build:dashboards with it', async () => {
    project = await tempProject({ 'package.json': '{}', 'dashboards/api.ts': sdkDashboardSource('API') });
    const bare = await project.run('build', '--check');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('run `npx panelcraft build` and commit provisioning/');
    await project.write('package.json', JSON.stringify({ scripts: { 'build:dashboards': 'panelcraft build' } }));
    expect((await project.run('build', '--check')).stderr).toContain('run `npm run build:dashboards` and commit');
  });
});
