import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDashboards } from '../../src/io/load-dashboards.ts';

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

let root: string;
const files = Array.from({ length: 7 }, (_, i) => `dashboards/d${i}.ts`);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-bound-'));
  await mkdir(path.join(root, 'dashboards'));
  for (const [i, file] of files.entries())
    await writeFile(path.join(root, file), `export default { title: 'd${i}', panels: [] };\n`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loadDashboards', () => {
  it('bundles at most two groups at once: the one it imports next and the one after', async () => {
    const loaded = await loadDashboards(root, files, undefined, 1);
    expect(loaded.map((l) => ('exported' in l ? (l.exported as { title: string }).title : '?'))).toEqual([
      'd0',
      'd1',
      'd2',
      'd3',
      'd4',
      'd5',
      'd6',
    ]);
    expect(bundling.calls).toBe(7);
    expect(bundling.most).toBe(2);
    expect(bundling.running).toBe(0);
  });
});
