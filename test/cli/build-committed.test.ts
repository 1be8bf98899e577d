import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let p: TempProject | undefined;
afterEach(async () => {
  await p?.dispose();
  p = undefined;
});

describe('panelcraft build --committed (real git repository)', () => {
  it('fails until the generated output is committed with its source', async () => {
    p = await tempProject({ 'dashboards/home.ts': sdkDashboardSource('Home') });
    const git = simpleGit(p.root);
    await git.init();
    await git.addConfig('user.email', 'test@example.com').addConfig('user.name', 'test');
    await git.add('dashboards').commit('source only');

    expect((await p.run('build')).code).toBe(0);
    const uncommitted = await p.run('build', '--committed');
    expect(uncommitted.code).toBe(1);
    expect(uncommitted.stderr).toContain('not committed provisioning/dashboards/home.json\n');

    await git.add('.').commit('generated output');
    expect(await p.run('build', '--committed')).toMatchObject({ code: 0 });

    await p.write('dashboards/home.ts', sdkDashboardSource('Home v2'));
    await p.run('build');
    const stale = await p.run('build', '--committed');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('differs from commit provisioning/dashboards/home.json\n');
  });
});
