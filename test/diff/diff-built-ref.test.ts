import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { diff } from '../../src/cli/commands/diff.ts';
import { tempRepo, type TempRepo } from './git-repo.ts';
import { runCommand } from './run-command.ts';

const source = (
  panelTitle: string,
  expr: string,
) => `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

export default new DashboardBuilder('Demo service')
  .uid('demo-service')
  .withPanel(new TimeseriesBuilder().title(${JSON.stringify(panelTitle)}).description('Requests per second.').unit('reqps')
    .withTarget(new DataqueryBuilder().expr(${JSON.stringify(expr)}).legendFormat('{{handler}}')));
`;

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.dispose();
  repo = undefined;
});

it('builds REF’s sources in a temp worktree when REF committed no provisioning output, and leaves no worktree', async () => {
  repo = tempRepo();
  symlinkSync(path.resolve('node_modules'), path.join(repo.dir, 'node_modules'), 'dir');
  repo.write('.gitignore', 'node_modules\nprovisioning\n');
  repo.write(
    'dashboards/demo/service.ts',
    source('Request rate', 'sum by (handler) (rate(http_requests_total[$__rate_interval]))'),
  );
  repo.commit('sources only');
  repo.write(
    'dashboards/demo/service.ts',
    source('Requests per handler', 'sum by (handler) (rate(http_requests_total[$__rate_interval]))'),
  );

  const r = await runCommand(diff, ['--base', 'HEAD', '--format', 'text'], repo.dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('~ panel "Request rate" renamed to "Requests per handler" (timeseries)');
  expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
}, 60_000);

it('exits 1 and prints the diagnostics when the current build has errors', async () => {
  repo = tempRepo();
  symlinkSync(path.resolve('node_modules'), path.join(repo.dir, 'node_modules'), 'dir');
  repo.write('.gitignore', 'node_modules\nprovisioning\n');
  repo.write('dashboards/demo/service.ts', source('Request rate', 'up'));
  repo.commit('sources only');
  repo.write('dashboards/demo/service.ts', 'export default new DashboardBuilder(\n');

  const r = await runCommand(diff, ['--base', 'HEAD'], repo.dir);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('dashboards/demo/service.ts');
  // The loader's syntax error and the compiler's; with a syntax error the compiler reports syntax errors only (as
  // `tsc` does), not the unknown `DashboardBuilder`.
  expect(r.stderr).toContain("error typescript: TS1005: ')' expected.");
  expect(r.stderr).not.toContain('TS2304');
  expect(r.stderr).toMatch(/panelcraft diff: the current build has 2 errors, 0 warnings; fix them first\.\n$/);
}, 60_000);
