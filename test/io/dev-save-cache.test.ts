import { existsSync } from 'node:fs';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildCache, DEFAULT_CACHE_DIR, hashFile } from '../../src/io/build-cache.ts';
import { DashboardCache } from '../../src/io/dashboard-cache.ts';
import { loadConfig } from '../../src/io/load-config.ts';
import type { HashCache } from '../../src/io/write-tree.ts';
import { buildProject, writeProject } from '../../src/tooling/build-project.ts';
import { buildAndWrite, cacheDashboard, cacheLib, treeBytes } from '../support/cache-project.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const SOURCES = {
  'dashboards/_lib/names.ts': cacheLib('rate'),
  'dashboards/api/one.ts': cacheDashboard('One', { lib: true }),
  'dashboards/api/two.ts': cacheDashboard('Two'),
  'dashboards/web/three.ts': cacheDashboard('Three', { lib: true }),
};

const buildDir = (root: string) => path.join(root, DEFAULT_CACHE_DIR, 'build');

/** The build cache's files (entries, their index and the record), with their bytes. */
async function cacheFiles(root: string): Promise<Record<string, string>> {
  const dir = buildDir(root);
  const names = existsSync(dir)
    ? (await readdir(dir)).filter((n) => n.endsWith('.entry') || n === 'entries.json' || n === 'last-build.json')
    : [];
  const out: Record<string, string> = {};
  for (const name of names.sort()) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

/** One `dev` save: the loaded modules of `cache`, rendered through the memo, written, then stored if deferred. */
async function devSave(root: string, cache: DashboardCache, inputHashes: HashCache, defer: boolean) {
  const { loaded } = await cache.load('unknown');
  const built = await buildProject(
    { root, typecheck: false, memo: new WeakMap(), inputHashes, deferCacheWrites: defer },
    loaded,
  );
  const before = await cacheFiles(root);
  const outcome = await writeProject(root, built, { hashCache: new Map() });
  await built.storeInCache?.(outcome.onDisk);
  return { built, outcome, before, after: await cacheFiles(root) };
}

const bySource = (a: unknown, b: unknown) => {
  const file = (e: unknown) => (e as { render: { file: string } }).render.file;
  return file(a) < file(b) ? -1 : 1;
};

describe('dev stores into the build cache after writing', () => {
  it('stores nothing before the write, then the same entries as a build that stores at once, and no record', async () => {
    project = await tempProject(SOURCES);
    const deferred = await devSave(project.root, new DashboardCache(project.root), new Map(), true);
    expect(deferred.outcome.written).toBe(true);
    expect(deferred.before).toEqual({});
    // Three entries in the index, without the bytes the output files hold. No record: one without the type check
    // answers no build but dev's, and dev never asks one.
    expect(Object.keys(deferred.after)).toEqual(['entries.json']);
    const headers = (JSON.parse(deferred.after['entries.json']!) as { entries: unknown[] }).entries;
    expect(headers).toHaveLength(3);
    const output = await treeBytes(path.join(project.root, 'provisioning'));

    // Stored before the write, each entry keeps the bytes in a file of its own (the same header, then the bytes).
    await rm(path.join(project.root, DEFAULT_CACHE_DIR), { recursive: true });
    const direct = await devSave(project.root, new DashboardCache(project.root), new Map(), false);
    expect(direct.built.storeInCache).toBeUndefined();
    expect(direct.before).toEqual(direct.after);
    const files = Object.values(direct.after);
    expect(files).toHaveLength(3);
    expect(files.map((f) => JSON.parse(f.slice(0, f.indexOf('\n')))).sort(bySource)).toEqual(
      [...headers].sort(bySource),
    );
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);

    // What dev stored serves `build`: nothing to load or render, nothing to write; that build records itself, so
    // the next one is answered by the record; --check says up to date.
    const next = await buildAndWrite(project.root, {});
    expect(next.build.cache).toEqual({ reused: 3, rendered: 0, recorded: false });
    expect(next.written).toBe(true);
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);
    expect((await buildAndWrite(project.root, {})).build.cache).toEqual({ reused: 3, rendered: 0, recorded: true });
    const check = await project.run('build', '--check');
    expect(check.code).toBe(0);
  });

  it('an error anywhere writes nothing, and the entries stay those of the last good renders', async () => {
    project = await tempProject(SOURCES);
    const cache = new DashboardCache(project.root);
    await devSave(project.root, cache, new Map(), true);
    const good = await cacheFiles(project.root);
    const output = await treeBytes(path.join(project.root, 'provisioning'));
    await project.write('dashboards/api/two.ts', cacheDashboard('Two', { extra: "throw new Error('boom');\n" }));
    const failed = await devSave(project.root, cache, new Map(), true);
    expect(failed.outcome.written).toBe(false);
    expect(failed.outcome.diagnostics.map((d) => [d.rule, d.file])).toContainEqual(['load', 'dashboards/api/two.ts']);
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);
    expect(Object.keys(good)).toEqual(['entries.json']);
    expect(failed.after).toEqual(good);
  });
});

describe('build cache keys through kept input hashes', () => {
  it('hashes as without them, reads a changed file again, and does not remember a file modified just now', async () => {
    project = await tempProject(SOURCES);
    const { config } = await loadConfig(project.root);
    const file = 'dashboards/api/two.ts';
    const abs = path.join(project.root, file);
    const past = new Date(Date.now() - 60_000);
    await utimes(abs, past, past);
    const kept: HashCache = new Map();
    const open = () => BuildCache.open(project!.root, config, { inputHashes: kept });
    expect(open().hashOf(file)).toBe(hashFile(abs));
    expect(kept.get(abs)?.hash).toBe(hashFile(abs));
    kept.set(abs, { ...kept.get(abs)!, hash: 'remembered' });
    expect(open().hashOf(file)).toBe('remembered');

    await writeFile(abs, cacheDashboard('Two changed'));
    await utimes(abs, past, new Date(Date.now() - 30_000));
    expect(open().hashOf(file)).toBe(hashFile(abs));
    expect(kept.get(abs)?.hash).toBe(hashFile(abs));

    await writeFile(abs, cacheDashboard('Two changed again'));
    expect(open().hashOf(file)).toBe(hashFile(abs));
    expect(kept.has(abs)).toBe(false);
    expect(open().hashOf('dashboards/api/gone.ts')).toBe('missing');
  });
});
