import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CACHE_DIR } from '../../src/io/build-cache.ts';
import { buildAndWrite, cacheDashboard, treeBytes } from '../support/cache-project.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

/**
 * The loader's temp folders, the files each esbuild bundle was asked for, and in order: each bundle settled, each
 * process this process started other than esbuild's (by the program's file name).
 */
const seen = vi.hoisted(() => ({ folders: [] as string[], bundled: [] as string[][], events: [] as string[] }));
vi.mock('node:child_process', async (importOriginal) => {
  const cp = await importOriginal<typeof import('node:child_process')>();
  const spawn = ((command: string, ...rest: unknown[]) => {
    if (!/esbuild/.test(command)) seen.events.push(`spawned ${path.basename(command)}`);
    return (cp.spawn as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof cp.spawn;
  return { ...cp, spawn, default: { ...cp, spawn } };
});
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const mkdtempSync = (prefix: string) => {
    const dir = fs.mkdtempSync(prefix);
    if (path.basename(prefix).startsWith('panelcraft-load-')) seen.folders.push(dir);
    return dir;
  };
  return { ...fs, mkdtempSync, default: { ...fs, mkdtempSync } };
});
vi.mock('esbuild', async (importOriginal) => {
  const esbuild = await importOriginal<typeof import('esbuild')>();
  return {
    ...esbuild,
    build: (options: import('esbuild').BuildOptions) => {
      const entry = String(options.stdin?.contents ?? '');
      seen.bundled.push([...entry.matchAll(/^ {2}"([^"]+)": /gm)].map((m) => m[1]!));
      return esbuild.build(options).finally(() => seen.events.push('bundled'));
    },
  };
});

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});
beforeEach(() => {
  seen.folders.length = 0;
  seen.bundled.length = 0;
  seen.events.length = 0;
});

const SOURCES = {
  'dashboards/api/one.ts': cacheDashboard('One'),
  'dashboards/api/two.ts': cacheDashboard('Two'),
  'dashboards/web/three.ts': cacheDashboard('Three'),
};

describe('a type-checked build of a cache without a record', () => {
  it('starts the compiler once esbuild has bundled every group, and reports its errors', async () => {
    // 30 sources: a first group of 25 (bundled with the resolving plugin) and a second of 5.
    const sources: Record<string, string> = {};
    for (let i = 0; i < 30; i++) sources[`dashboards/team/d${String(i).padStart(2, '0')}.ts`] = cacheDashboard(`D${i}`);
    sources['dashboards/team/d29.ts'] += "export const wrong: number = 'not a number';\n";
    project = await tempProject(sources);
    const { build } = await buildAndWrite(project.root, {}, true);
    expect(seen.bundled.map((group) => group.length)).toEqual([25, 5]);
    expect(seen.events).toEqual(['bundled', 'bundled', 'spawned tsc']);
    expect(build.dashboards).toHaveLength(30);
    expect(build.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.rule])).toEqual([
      ['dashboards/team/d29.ts', 'typescript'],
    ]);
  });

  it('loads what the entries cannot give back, from bundles started before it asked them, and leaves no temp folder', async () => {
    project = await tempProject(SOURCES);
    const { root } = project;
    const first = await buildAndWrite(root, {}, true);
    expect(first.build.cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    expect(seen.bundled).toEqual([['dashboards/api/one.ts', 'dashboards/api/two.ts', 'dashboards/web/three.ts']]);

    // The record is gone (the entries stay) and one source changed: the build starts bundling every source, then
    // loads the one the entries cannot give back on its own.
    await rm(path.join(root, DEFAULT_CACHE_DIR, 'build', 'last-build.json'));
    await writeFile(path.join(root, 'dashboards/api/two.ts'), cacheDashboard('Two', { unit: 'ops' }));
    seen.bundled.length = 0;
    const second = await buildAndWrite(root, {}, true);
    expect(second.build.cache).toEqual({ reused: 2, rendered: 1, recorded: false });
    expect(second.build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(seen.bundled).toContainEqual(['dashboards/api/two.ts']);
    expect(seen.bundled[0]).toEqual(['dashboards/api/one.ts', 'dashboards/api/two.ts', 'dashboards/web/three.ts']);
    const output = await treeBytes(path.join(root, 'provisioning'));

    // The same output as a build without any cache.
    await rm(path.join(root, 'provisioning'), { recursive: true });
    await buildAndWrite(root, false, true);
    expect(await treeBytes(path.join(root, 'provisioning'))).toEqual(output);
    expect(seen.folders.length).toBeGreaterThanOrEqual(3);
    expect(seen.folders.filter((dir) => existsSync(dir))).toEqual([]);
  });
});
