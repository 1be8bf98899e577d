import { describe, expect, it } from 'vitest';
import { dashboardSource } from '../../src/init/dashboard-source.ts';
import { addScripts, INIT_SCRIPTS } from '../../src/init/package-json.ts';
import { planScaffold } from '../../src/init/scaffold.ts';

const versions = { panelcraft: '0.1.0', sdk: '>=0.0.12 <0.1.0', typescript: '7.0.2' };

describe('planScaffold', () => {
  it('writes every file of a new repository, one dashboard per service', () => {
    const plan = planScaffold({
      services: [
        { name: 'api', convention: 'gin', locale: 'en' },
        { name: 'pay', convention: 'otel', locale: 'zh-CN' },
      ],
      packageName: 'shop',
      versions,
      existing: new Set(),
    });
    expect(plan.create.map((f) => f.path)).toEqual([
      'package.json',
      'tsconfig.json',
      'panelcraft.yaml',
      '.gitignore',
      '.github/workflows/dashboards.yml',
      '.github/workflows/weekly-report.yml',
      'deploy/docker-compose.yml',
      'deploy/prometheus.yml',
      'dashboards/api/overview.ts',
      'dashboards/pay/overview.ts',
    ]);
    expect(plan.skipped).toEqual([]);
    const pkg = JSON.parse(plan.create[0]!.contents) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: 'shop',
      scripts: INIT_SCRIPTS,
      devDependencies: { panelcraft: '^0.1.0', '@grafana/grafana-foundation-sdk': '>=0.0.12 <0.1.0' },
    });
  });

  it('never replaces an existing file and lists each one it skipped', () => {
    const plan = planScaffold({
      services: [{ name: 'api', convention: 'gin', locale: 'en' }],
      packageName: 'x',
      versions,
      existing: new Set(['tsconfig.json', 'dashboards/api/overview.ts', 'dashboards']),
      packageJson: '{"name":"x","scripts":{"dev":"vite","typecheck":"tsc -b"}}',
    });
    expect(plan.create.map((f) => f.path)).not.toContain('tsconfig.json');
    expect(plan.create.map((f) => f.path)).not.toContain('dashboards/api/overview.ts');
    expect(plan.skipped).toEqual([
      { path: 'package.json', reason: 'kept the existing scripts dev, typecheck' },
      { path: 'tsconfig.json', reason: 'exists' },
      { path: 'dashboards/api/overview.ts', reason: 'exists' },
    ]);
    expect(plan.update?.added).toEqual(['build:dashboards', 'lint:dashboards', 'verify']);
    expect(JSON.parse(plan.update!.contents).scripts).toEqual({
      dev: 'vite',
      typecheck: 'tsc -b',
      'build:dashboards': 'panelcraft build',
      'lint:dashboards': 'panelcraft lint provisioning/dashboards',
      verify: INIT_SCRIPTS.verify,
    });
  });
});

describe('addScripts', () => {
  it('keeps indentation and leaves a complete file byte-identical', () => {
    const full = `{\n\t"scripts": ${JSON.stringify(INIT_SCRIPTS)}\n}\n`;
    expect(addScripts(full)).toEqual({ ok: true, text: full, added: [], kept: Object.keys(INIT_SCRIPTS) });
    const merged = addScripts('{\n    "name": "x"\n}\n');
    expect(
      merged.ok && merged.text.startsWith('{\n    "name": "x",\n    "scripts": {\n        "build:dashboards"'),
    ).toBe(true);
  });

  it('refuses a package.json that is not an object', () => {
    expect(addScripts('[1]')).toEqual({ ok: false, message: 'is not a JSON object' });
    expect(addScripts('{"scripts": 3}')).toEqual({ ok: false, message: '"scripts" is not an object' });
  });
});

describe('dashboardSource', () => {
  it('starts from the review preset on the chosen convention and locale', () => {
    expect(dashboardSource({ name: 'api', convention: 'client-golang', locale: 'zh-CN' })).toContain(
      "import { clientGolang, goServiceOverview } from 'panelcraft';\n\nexport default goServiceOverview({\n  convention: clientGolang(),\n  job: 'api',\n  locale: 'zh-CN',\n  title: 'api 服务总览',\n});\n",
    );
  });
});
