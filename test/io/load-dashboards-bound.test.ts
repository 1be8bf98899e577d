import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDashboards, startLoad } from '../../src/io/load-dashboards.ts';

/** esbuild's `build`, counting the calls running at once. */
const bundling = vi.hoisted(() => ({ running: 0, most: 0, calls: 0 }));
vi.mock('esbuild', async (importOriginal) => {
  const esbuild = await importOriginal<typeof import('esbuild')>();
  return {
    ...esbuild,
    build: async (options: import('esbuild').BuildOptions) => {
      bundling.calls++;
      bundling.most = Math.max(bundling.most, ++bundling.running);
      try {
        return await esbuild.build(options);
      } finally {
        bundling.running--;
      }
    },
  };
});

/** The temp folders the loader made. */
const made = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const mkdtempSync = (prefix: string) => {
    const dir = fs.mkdtempSync(prefix);
    if (path.basename(prefix).startsWith('panelcraft-load-')) made.push(dir);
    return dir;
  };
  return { ...fs, mkdtempSync, default: { ...fs, mkdtempSync } };
});

let root: string;
const files = Array.from({ length: 7 }, (_, i) => `dashboards/d${i}.ts`);
const titles = (loaded: Awaited<ReturnType<typeof loadDashboards>>) =>
  loaded.map((l) => ('exported' in l ? (l.exported as { title: string }).title : '?'));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-bound-'));
  await mkdir(path.join(root, 'dashboards'));
  for (const [i, file] of files.entries())
    await writeFile(path.join(root, file), `export default { title: 'd${i}', panels: [] };\n`);
});
afterAll(() => rm(root, { recursive: true, force: true }));
beforeEach(() => {
  Object.assign(bundling, { running: 0, most: 0, calls: 0 });
  made.length = 0;
});

describe('loadDashboards', () => {
  it('bundles one group at a time', async () => {
    expect(titles(await loadDashboards(root, files, undefined, 1))).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(bundling.calls).toBe(7);
    expect(bundling.most).toBe(1);
    expect(bundling.running).toBe(0);
    expect(made.length).toBe(1);
    expect(existsSync(made[0]!)).toBe(false);
  });

  it('started and never asked for, bundles three groups ahead, and drops them and its folder once aborted', async () => {
    const stop = new AbortController();
    startLoad(root, files, { groupSize: 1, signal: stop.signal });
    // Nothing is imported, so no group after the third starts.
    await vi.waitFor(() => expect(bundling.calls).toBe(3), { timeout: 10_000, interval: 10 });
    stop.abort();
    await vi.waitFor(() => expect(existsSync(made[0]!)).toBe(false), { timeout: 10_000, interval: 10 });
    expect(bundling.calls).toBe(3);
    expect(bundling.running).toBe(0);
  });

  it('of no files, bundles nothing', async () => {
    expect(await startLoad(root, []).load([])).toEqual([]);
    expect(bundling.calls).toBe(0);
    expect(made.map((dir) => existsSync(dir))).toEqual([false]);
  });

  it('asked for some of its files, loads those alone', async () => {
    const loading = startLoad(root, files, { groupSize: 2 });
    expect(titles(await loading.load(['dashboards/d1.ts', 'dashboards/d4.ts']))).toEqual(['d1', 'd4']);
    expect(made.length).toBe(2);
    expect(made.map((dir) => existsSync(dir))).toEqual([false, false]);
    await expect(loading.load(files)).rejects.toThrow('a load is used once');
  });
});
