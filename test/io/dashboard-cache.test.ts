import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CacheLookup, DashboardCache } from '../../src/io/dashboard-cache.ts';
import { loadConfig } from '../../src/io/load-config.ts';
import type { ChangeBatch } from '../../src/io/watch-paths.ts';
import { buildProject, writeProject } from '../../src/tooling/build-project.ts';
import { cachedRenders } from '../../src/tooling/cached-renders.ts';
import { buildAndWrite, cacheDashboard, cacheLib } from '../support/cache-project.ts';
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

describe('with the build cache', () => {
  const SOURCES = {
    'dashboards/_lib/names.ts': cacheLib('rate'),
    'dashboards/api/one.ts': cacheDashboard('One', { lib: true }),
    'dashboards/api/two.ts': cacheDashboard('Two'),
    'dashboards/web/three.ts': cacheDashboard('Three', { lib: true }),
  };

  /** A dev save through `cache`: built, written and stored like `dev` does; also the same tree built from scratch. */
  async function save(root: string, cache: DashboardCache, changed: ChangeBatch) {
    const sources = await cache.load(changed);
    const built = await buildProject({ root, typecheck: false, reused: sources.reused }, sources.loaded);
    const outcome = await writeProject(root, built);
    const scratch = await buildProject({ root, typecheck: false, cache: false });
    return { sources, built, outcome, scratch };
  }

  it('takes the renders the cache gives back instead of loading, and asks again after a change to shared code', async () => {
    project = await tempProject(SOURCES);
    const root = project.root;
    await buildAndWrite(root, {});
    const lookup: CacheLookup = async (sources) =>
      cachedRenders(root, (await loadConfig(root)).config, sources, { hashCache: new Map() });
    const cache = new DashboardCache(root, lookup);
    const names = (s: { loaded: { file: string }[]; reused: { file: string }[]; reloaded: number }) => [
      s.reloaded,
      s.loaded.map((l) => l.file),
      s.reused.map((r) => r.file),
    ];

    const first = await save(root, cache, 'unknown');
    expect(names(first.sources)).toEqual([
      0,
      [],
      ['dashboards/api/one.ts', 'dashboards/api/two.ts', 'dashboards/web/three.ts'],
    ]);
    expect(cache.inputs).toContain(path.join(root, 'dashboards/_lib/names.ts'));
    expect(first.outcome.writes).toBe(0);
    expect(first.built.files.map((f) => [f.path, f.contents])).toEqual(
      first.scratch.files.map((f) => [f.path, f.contents]),
    );

    await project.write('dashboards/api/two.ts', cacheDashboard('Two v2'));
    const second = await save(root, cache, new Set(['dashboards/api/two.ts']));
    expect(names(second.sources)).toEqual([
      1,
      ['dashboards/api/two.ts'],
      ['dashboards/api/one.ts', 'dashboards/web/three.ts'],
    ]);
    expect(second.outcome.writes).toBe(1);
    expect(second.built.files.map((f) => [f.path, f.contents])).toEqual(
      second.scratch.files.map((f) => [f.path, f.contents]),
    );

    await project.write('dashboards/_lib/names.ts', cacheLib('per second'));
    const third = await save(root, cache, new Set(['dashboards/_lib/names.ts']));
    // two.ts does not import the shared file: its entry (stored by the last save) is still good.
    expect(names(third.sources)).toEqual([
      2,
      ['dashboards/api/one.ts', 'dashboards/web/three.ts'],
      ['dashboards/api/two.ts'],
    ]);
    expect(third.outcome.writes).toBe(2);
    expect(third.built.files.map((f) => [f.path, f.contents])).toEqual(
      third.scratch.files.map((f) => [f.path, f.contents]),
    );
    expect(third.built.diagnostics).toEqual(third.scratch.diagnostics);
  });
});
