import { afterEach, expect, it } from 'vitest';
import { DashboardCache } from '../../src/io/dashboard-cache.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

it('reloads only changed dashboard files, everything on shared code or unknown changes, and forgets deleted files', async () => {
  project = await tempProject({
    'dashboards/a/one.ts': sdkDashboardSource('One'),
    'dashboards/a/two.ts': sdkDashboardSource('Two'),
    'dashboards/_lib/common.ts': 'export const x = 1;\n',
  });
  const cache = new DashboardCache(project.root);
  expect((await cache.load('unknown')).reloaded).toBe(2);
  expect((await cache.load(new Set(['dashboards/a/one.ts']))).reloaded).toBe(1);
  expect((await cache.load(new Set(['dashboards/_lib/common.ts']))).reloaded).toBe(2);
  expect((await cache.load(new Set(['panelcraft.yaml']))).reloaded).toBe(2);
  await project.write('dashboards/a/one.ts', sdkDashboardSource('One renamed'));
  const after = await cache.load(new Set(['dashboards/a/one.ts']));
  expect(after.loaded.map((l) => l.file)).toEqual(['dashboards/a/one.ts', 'dashboards/a/two.ts']);
  const titles = after.loaded.map((l) =>
    'exported' in l ? (l.exported as { build(): { title?: string } }).build().title : l.error.message,
  );
  expect(titles).toEqual(['One renamed', 'Two']);
  const { rm } = await import('node:fs/promises');
  await rm(`${project.root}/dashboards/a/two.ts`);
  const gone = await cache.load(new Set(['dashboards/a/two.ts']));
  expect([gone.reloaded, gone.loaded.map((l) => l.file)]).toEqual([0, ['dashboards/a/one.ts']]);
});
