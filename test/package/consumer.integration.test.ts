// A team's repository, as the issue describes it: install the packed tarball (from the npm cache, no registry),
// `panelcraft init`, a dashboard mixing plain SDK builders with panelcraft panels, then type-check it under the
// strictest settings and run every command from node_modules/.bin. Once per end of the SDK peer range.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packRepository, testedSdkVersions, writeConsumerPackage } from '../support/consumer-install.ts';

const run = promisify(execFile);
const COMMANDS = ['build', 'lint', 'verify', 'diff', 'import', 'dev', 'init'];

const MIXED = `import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { gin, latency, requestRate, scopeVariables, selector } from 'panelcraft';

const convention = gin();
const { variables, scope } = scopeVariables({ convention, locale: 'en', job: 'api' });
const dashboard = new DashboardBuilder('api traffic').tags(['api']);
for (const variable of variables) dashboard.withVariable(variable);

export default dashboard
  .withRow(new RowBuilder('Traffic'))
  .withPanel(requestRate({ convention, scope }))
  .withPanel(latency({ convention, scope, quantiles: [0.5, 0.99] }))
  .withPanel(
    new TimeseriesBuilder()
      .title('Goroutines')
      .description('Goroutines per instance: a line that only grows is a leak.')
      .unit(units.Short)
      .withTarget(new DataqueryBuilder().expr(\`sum by (instance) (\${selector('go_goroutines', scope)})\`).legendFormat('{{instance}}')),
  );
`;

let work: string;
let tarball: string;
let packed: { files: number; size: number };

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-consumer-'));
  const result = packRepository(work);
  tarball = result.tarball;
  packed = result;
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds compiled JavaScript and declarations only: no sources, tests, fixtures, examples or benchmarks', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files.length).toBe(packed.files);
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(
      files.filter((f) => /^package\/(test|examples|bench|dashboards|provisioning|deploy|scripts|src)\//.test(f)),
    ).toEqual([]);
    expect(files).toContain('package/dist/src/index.js');
    expect(files).toContain('package/dist/src/index.d.ts');
    expect(files).toContain('package/dist/src/tooling/index.js');
    expect(files).toContain('package/bin/panelcraft.js');
    // The CLI the installed bin runs: bundled, a few chunks instead of a module per source file.
    expect(files).toContain('package/dist/cli/main.mjs');
    expect(files.filter((f) => f.startsWith('package/dist/cli/')).length).toBeLessThan(100);
  });
});

const versions = testedSdkVersions();

describe.each([
  ['oldest', versions.oldest],
  ['newest', versions.newest],
])('a consumer repository with the %s SDK of the peer range', (_label, sdk) => {
  let app: string;
  const npx = (args: string[], options: { allowFail?: boolean } = {}) =>
    run('npx', ['--offline', ...args], {
      cwd: app,
      env: { ...process.env, CI: 'true', npm_config_offline: 'true' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (err: { code: number; stdout: string; stderr: string }) => {
        if (!options.allowFail)
          throw new Error(`npx ${args.join(' ')} exited ${err.code}\n${err.stdout}\n${err.stderr}`);
        return { code: err.code, stdout: err.stdout, stderr: err.stderr };
      },
    );

  beforeAll(async () => {
    app = await mkdtemp(path.join(work, `app-${sdk.version}-`));
    writeConsumerPackage(app, tarball, sdk.alias);
    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: app });
    await run('git', ['init', '-q'], { cwd: app });
  }, 180_000);

  it('installs the SDK version under test', async () => {
    const pkg = JSON.parse(
      await readFile(path.join(app, 'node_modules/@grafana/grafana-foundation-sdk/package.json'), 'utf8'),
    ) as { version: string };
    expect(pkg.version.replace(/^v/, '')).toBe(sdk.version);
  });

  it('init, a mixed dashboard, strict type-checks under nodenext and bundler, then every command', async () => {
    const init = await npx(['panelcraft', 'init', '--service', 'api', '--convention', 'gin']);
    expect(init.stdout).toContain('wrote    dashboards/api/overview.ts');
    const scripts = (
      JSON.parse(await readFile(path.join(app, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(Object.keys(scripts).sort()).toEqual(['build:dashboards', 'dev', 'lint:dashboards', 'typecheck', 'verify']);

    await writeFile(path.join(app, 'dashboards/api/traffic.ts'), MIXED);
    const strict = {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    };
    await writeFile(
      path.join(app, 'tsconfig.nodenext.json'),
      JSON.stringify({
        compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext' },
        include: ['dashboards'],
      }),
    );
    await writeFile(
      path.join(app, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: { ...strict, module: 'preserve', moduleResolution: 'bundler' },
        include: ['dashboards'],
      }),
    );
    for (const config of ['tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
      const tsc = await npx(['tsc', '-p', config], { allowFail: true });
      expect(`${tsc.stdout}${tsc.stderr}`, config).toBe('');
      expect(tsc.code, config).toBe(0);
    }
    expect((await run('npm', ['run', '--silent', 'typecheck'], { cwd: app })).stdout).toBe('');

    const build = await npx(['panelcraft', 'build']);
    expect(build.stdout).toMatch(/^panelcraft build: 2 dashboards → provisioning\//);
    expect((await npx(['panelcraft', 'build', '--check'])).stdout).toContain('provisioning/ is up to date');
    expect((await npx(['panelcraft', 'lint', 'provisioning/dashboards'])).stdout).toContain('0 errors');

    await run('git', ['add', '-A'], { cwd: app });
    await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'dashboards'], {
      cwd: app,
    });
    const source = await readFile(path.join(app, 'dashboards/api/traffic.ts'), 'utf8');
    await writeFile(path.join(app, 'dashboards/api/traffic.ts'), source.replace("'api traffic'", "'api traffic v2'"));
    await npx(['panelcraft', 'build']);
    const diff = await npx(['panelcraft', 'diff', '--base', 'HEAD']);
    expect(diff.stdout).toContain('setting title: api traffic → api traffic v2');

    for (const command of COMMANDS) {
      const help = await npx(['panelcraft', command, '--help'], { allowFail: true });
      expect(help.code, `${command} --help`).toBe(0);
      expect(help.stdout, `${command} --help`).toContain(`panelcraft ${command}`);
    }
  }, 240_000);
});
