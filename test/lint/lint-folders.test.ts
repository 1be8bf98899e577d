import { describe, expect, it } from 'vitest';
import { provisionedFolder } from '../../src/tooling/lint-files.ts';
import { tempProject } from '../support/temp-project.ts';

const preset = (job: string) =>
  `import { clientGolang, goServiceOverview } from 'panelcraft';\n\nexport default goServiceOverview({ convention: clientGolang(), job: '${job}' });\n`;

describe('lint knows folders', () => {
  it('a file under provisioning/dashboards/<folder>/ is in <folder>', () => {
    expect(provisionedFolder('provisioning/dashboards/payments/x.json')).toBe('payments');
    expect(provisionedFolder('/srv/grafana/provisioning/dashboards/orders/y.json')).toBe('orders');
    expect(provisionedFolder('provisioning/dashboards/z.json')).toBeUndefined();
    expect(provisionedFolder('exported/payments/x.json')).toBeUndefined();
  });

  it('two services with the default preset title in different folders pass build and lint alike', async () => {
    const project = await tempProject({
      'package.json': '{}',
      'dashboards/payments/overview.ts': preset('payments'),
      'dashboards/orders/overview.ts': preset('orders'),
    });
    try {
      expect((await project.run('build')).code).toBe(0);
      const lint = await project.run('lint');
      expect(lint.stdout).not.toContain('title-unique-in-folder');
      expect(lint.code).toBe(0);
    } finally {
      await project.dispose();
    }
  });
});

describe('uids from any language', () => {
  it('dashboards/支付/总览.ts and dashboards/订单/总览.ts build with two uids', async () => {
    const project = await tempProject({
      'package.json': '{}',
      'dashboards/支付/总览.ts': preset('pay'),
      'dashboards/订单/总览.ts': preset('order'),
    });
    try {
      const build = await project.run('--json', 'build');
      expect(build.code).toBe(0);
      const uids = (JSON.parse(build.stdout) as { dashboards: Array<{ uid: string }> }).dashboards.map((d) => d.uid);
      expect(uids.sort()).toEqual(['dashboard-6ba16794', 'dashboard-bb58731e'].sort());
    } finally {
      await project.dispose();
    }
  });
});
