import { existsSync } from 'node:fs';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildCache, DEFAULT_CACHE_DIR, hashFile } from '../../src/io/build-cache.ts';
import { loadConfig } from '../../src/io/load-config.ts';
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

const entriesDir = (root: string, dir = path.join(root, DEFAULT_CACHE_DIR)) => path.join(dir, 'build');
const entryFiles = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.entry')).sort();
/** The sources of the entries in the index (`entries.json`), and whether any holds more than a header. */
async function indexed(dir: string): Promise<{ sources: string[]; bytes: boolean }> {
  const entries = (JSON.parse(await readFile(path.join(dir, 'entries.json'), 'utf8')) as { entries: object[] }).entries;
  return {
    sources: entries.map((e) => (e as { render: { file: string } }).render.file).sort(),
    bytes: entries.some((e) => 'contents' in (e as { render: object }).render || 'contents' in e),
  };
}

/** `panelcraft build --check`: writes no output, stores into the cache after comparing. */
async function checkOnly(root: string) {
  const build = await buildProject({ root, typecheck: false, deferCacheWrites: true });
  const outcome = await writeProject(root, build, { check: true });
  await build.storeInCache?.(outcome.onDisk);
  return build;
}

describe('build cache', () => {
  it('reuses every dashboard when nothing changed, then answers from the record without loading anything', async () => {
    project = await tempProject(SOURCES);
    const first = await buildAndWrite(project.root, {});
    expect(first.build.cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    const output = await treeBytes(path.join(project.root, 'provisioning'));
    const second = await buildAndWrite(project.root, {});
    expect(second.build.cache).toEqual({ reused: 3, rendered: 0, recorded: true });
    expect(second.build.files.map((f) => [f.path, f.contents])).toEqual(
      first.build.files.map((f) => [f.path, f.contents]),
    );
    expect(second.build.dashboards.map((d) => d.dashboard)).toEqual(first.build.dashboards.map((d) => d.dashboard));
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);
  });

  it('a change in an imported _lib/ file renders its importers again, and only them', async () => {
    project = await tempProject(SOURCES);
    await buildAndWrite(project.root, {});
    await project.write('dashboards/_lib/names.ts', cacheLib('per second'));
    const { build } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 1, rendered: 2, recorded: false });
    const one = build.files.find((f) => f.path === 'provisioning/dashboards/api/api-one.json')!;
    expect(JSON.parse(one.contents).panels[0].title).toBe('One per second');
    const uncached = await buildAndWrite(project.root, false);
    expect(build.files.map((f) => f.contents)).toEqual(uncached.build.files.map((f) => f.contents));
  });

  it('a config change renders every dashboard again', async () => {
    project = await tempProject(SOURCES);
    await buildAndWrite(project.root, {});
    await project.write('panelcraft.yaml', 'editable: true\n');
    const { build } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    expect(build.dashboards.every((d) => d.dashboard.editable === true)).toBe(true);
  });

  it('ignores corrupt, truncated and foreign entries and a corrupt record, and writes them anew', async () => {
    project = await tempProject(SOURCES);
    const clean = await buildAndWrite(project.root, {});
    const dir = entriesDir(project.root);
    // Entry files with the bytes: stored by a build that found no output files and wrote none.
    await rm(path.join(project.root, 'provisioning'), { recursive: true });
    expect((await checkOnly(project.root)).cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    expect((await buildAndWrite(project.root, {})).build.cache).toEqual({ reused: 3, rendered: 0, recorded: false });
    const [a, b, c] = await entryFiles(dir);
    const text = await readFile(path.join(dir, a!), 'utf8');
    await writeFile(path.join(dir, a!), text.slice(0, text.length - 10)); // truncated
    const other = await readFile(path.join(dir, b!), 'utf8');
    await writeFile(path.join(dir, b!), other.replace('"editable": false', '"editable": fa1se')); // same length
    const foreign = await readFile(path.join(dir, c!), 'utf8');
    await writeFile(path.join(dir, c!), foreign.replace('panelcraft-build-cache/1', 'panelcraft-build-cache/0'));
    await writeFile(path.join(dir, 'last-build.json'), '{"format":');
    // The output files still hold the right bytes: a damaged body is not even read, the contents come from them.
    const intact = await buildAndWrite(project.root, {});
    expect(intact.build.cache).toEqual({ reused: 2, rendered: 1, recorded: false });
    expect(intact.build.files.map((f) => f.contents)).toEqual(clean.build.files.map((f) => f.contents));
    // The foreign one was rendered again; its output file holds the bytes, so the index holds its entry.
    expect(await entryFiles(dir)).toEqual([a, b]);
    expect((await indexed(dir)).sources).toHaveLength(1);
    await writeFile(path.join(dir, a!), text.slice(0, text.length - 10));
    await writeFile(path.join(dir, b!), other.replace('"editable": false', '"editable": fa1se'));
    await rm(path.join(project.root, 'provisioning'), { recursive: true });
    // No output files: the damaged bodies are read and fail their check, and the entry of the index has no bytes.
    const { build } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    expect(build.files.map((f) => f.contents)).toEqual(clean.build.files.map((f) => f.contents));
    expect((await buildAndWrite(project.root, {})).build.cache).toEqual({ reused: 3, rendered: 0, recorded: true });

    // A damaged index is no index: every dashboard renders again, and the index is written anew.
    await writeFile(path.join(dir, 'entries.json'), '{"format":"panelcraft-build-cache-index/1","entries":[');
    await rm(path.join(dir, 'last-build.json'));
    const fresh = await buildAndWrite(project.root, {});
    expect(fresh.build.cache).toEqual({ reused: 0, rendered: 3, recorded: false });
    expect(fresh.build.files.map((f) => f.contents)).toEqual(clean.build.files.map((f) => f.contents));
    expect((await indexed(dir)).sources).toHaveLength(3);
  });

  it('keeps no copy of bytes its output file holds: a deleted or hand-edited output renders again', async () => {
    project = await tempProject(SOURCES);
    const clean = await buildAndWrite(project.root, {});
    const dir = entriesDir(project.root);
    expect(await entryFiles(dir)).toEqual([]);
    expect(await indexed(dir)).toEqual({
      sources: ['dashboards/api/one.ts', 'dashboards/api/two.ts', 'dashboards/web/three.ts'],
      bytes: false,
    });
    const output = await treeBytes(path.join(project.root, 'provisioning'));
    await rm(path.join(project.root, 'provisioning/dashboards/api/api-two.json'));
    await rm(path.join(dir, 'last-build.json'));
    const { build, written } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 2, rendered: 1, recorded: false });
    expect(written).toBe(true);
    expect(build.files.map((f) => f.contents)).toEqual(clean.build.files.map((f) => f.contents));
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);
    expect(await entryFiles(dir)).toEqual([]);
  });

  it('a build that writes no output (--check, or with errors) keeps the bytes in entry files for the next', async () => {
    project = await tempProject(SOURCES);
    await buildAndWrite(project.root, {});
    const output = await treeBytes(path.join(project.root, 'provisioning'));
    const dir = entriesDir(project.root);
    // A CI cache restored without provisioning/: `build --check` renders, and stores the bytes.
    await rm(path.join(project.root, 'provisioning'), { recursive: true });
    const check = await project.run('build', '--check');
    expect(check.code).toBe(1);
    expect(await entryFiles(dir)).toHaveLength(3);
    expect(await indexed(dir)).toEqual({ sources: [], bytes: false });
    const { build, written } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 3, rendered: 0, recorded: false });
    expect(written).toBe(true);
    expect(await treeBytes(path.join(project.root, 'provisioning'))).toEqual(output);
  });

  it('reads an entry whose header is longer than its first read, and its body only from the entry when asked', async () => {
    project = await tempProject(SOURCES);
    const clean = await buildAndWrite(project.root, {});
    const dir = entriesDir(project.root);
    await rm(path.join(project.root, 'provisioning'), { recursive: true });
    await checkOnly(project.root); // entry files holding the bytes
    for (const name of await entryFiles(dir)) {
      const text = await readFile(path.join(dir, name), 'utf8');
      await writeFile(path.join(dir, name), `{${' '.repeat(20_000)}${text.slice(1)}`); // still one line of JSON
    }
    await rm(path.join(dir, 'last-build.json'));
    // No output files (removed above): the bytes come from the entries.
    const { build } = await buildAndWrite(project.root, {});
    expect(build.cache).toEqual({ reused: 3, rendered: 0, recorded: false });
    expect(build.files.map((f) => f.contents)).toEqual(clean.build.files.map((f) => f.contents));
  });

  it('keeps the hashes of its inputs by size, mtime and inode between builds, and reads a changed input again', async () => {
    project = await tempProject(SOURCES);
    const root = project.root;
    const past = new Date(Date.now() - 60_000);
    for (const file of Object.keys(SOURCES)) await utimes(path.join(root, file), past, past);
    await buildAndWrite(root, {});
    const stampsFile = path.join(entriesDir(root), 'input-hashes.json');
    const abs = path.join(root, 'dashboards/api/two.ts');
    const kept = JSON.parse(await readFile(stampsFile, 'utf8')) as {
      files: Record<string, [number, number, number, string]>;
    };
    expect(Object.keys(kept.files).sort()).toEqual(
      Object.keys(SOURCES)
        .map((f) => path.join(root, f))
        .sort(),
    );
    expect(kept.files[abs]![3]).toBe(hashFile(abs));

    // A kept hash is taken as it is while the file's stat is unchanged: the file is not read.
    const { config } = await loadConfig(root);
    kept.files[abs]![3] = '0'.repeat(64);
    await writeFile(stampsFile, JSON.stringify(kept));
    expect(BuildCache.open(root, config).hashOf('dashboards/api/two.ts')).toBe('0'.repeat(64));
    // A file written since is read again, and what is kept follows it.
    await writeFile(abs, cacheDashboard('Two changed'));
    await utimes(abs, past, new Date(Date.now() - 30_000));
    expect(BuildCache.open(root, config).hashOf('dashboards/api/two.ts')).toBe(hashFile(abs));
    const next = await buildAndWrite(root, {});
    expect(next.build.cache).toEqual({ reused: 2, rendered: 1, recorded: false });
    const after = JSON.parse(await readFile(stampsFile, 'utf8')) as typeof kept;
    expect(after.files[abs]![3]).toBe(hashFile(abs));
  });

  it('--cache-dir keeps the cache where it says, and a cache folder that cannot be created only costs speed', async () => {
    project = await tempProject(SOURCES);
    const first = await project.run('build', '--cache-dir', 'ci-cache');
    expect(first.code).toBe(0);
    expect((await indexed(entriesDir(project.root, path.join(project.root, 'ci-cache')))).sources).toHaveLength(3);
    expect(existsSync(entriesDir(project.root))).toBe(false);
    const json = JSON.parse((await project.run('build', '--cache-dir', 'ci-cache', '--check', '--json')).stdout);
    expect(json.cache).toEqual({ reused: 3, rendered: 0, recorded: true });
    expect(json.ok).toBe(true);

    await writeFile(path.join(project.root, 'not-a-folder'), 'x');
    const blocked = await project.run('build', '--cache-dir', 'not-a-folder/cache', '--json');
    expect(JSON.parse(blocked.stdout)).toMatchObject({ ok: true, cache: { reused: 0, rendered: 3, recorded: false } });
  });

  it('never caches a dashboard that failed to load, and forgets the entries of deleted sources', async () => {
    project = await tempProject({
      ...SOURCES,
      'dashboards/api/two.ts': cacheDashboard('Two', { extra: "throw new Error('boom');\n" }),
    });
    const failed = await buildAndWrite(project.root, {});
    expect(failed.written).toBe(false);
    expect(failed.build.diagnostics.map((d) => [d.rule, d.file])).toContainEqual(['load', 'dashboards/api/two.ts']);
    expect(await entryFiles(entriesDir(project.root))).toHaveLength(2);
    const again = await buildAndWrite(project.root, {});
    expect(again.build.cache).toEqual({ reused: 2, rendered: 0, recorded: false });
    expect(again.build.diagnostics).toEqual(failed.build.diagnostics);

    await rm(path.join(project.root, 'dashboards/web/three.ts'));
    await project.write('dashboards/api/two.ts', cacheDashboard('Two'));
    const fixed = await buildAndWrite(project.root, {});
    expect(fixed.written).toBe(true);
    expect(fixed.build.cache).toEqual({ reused: 1, rendered: 1, recorded: false });
    // One kept in its entry file (reused), two in the index (rendered and written now), three forgotten.
    expect(await entryFiles(entriesDir(project.root))).toHaveLength(1);
    expect((await indexed(entriesDir(project.root))).sources).toEqual(['dashboards/api/two.ts']);
  });

  it('takes no shortcut when an output file was edited by hand: the writer still refuses', async () => {
    project = await tempProject(SOURCES);
    await buildAndWrite(project.root, {});
    const out = path.join(project.root, 'provisioning/dashboards/api/api-two.json');
    await writeFile(out, (await readFile(out, 'utf8')).replace('Two requests', 'Two edited'));
    const { build, written } = await buildAndWrite(project.root, {});
    // The entry of the index had only the output file's bytes: rendered again.
    expect(build.cache).toEqual({ reused: 2, rendered: 1, recorded: false });
    expect(written).toBe(false);
    const check = await project.run('build', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('provisioning/dashboards/api/api-two.json was edited by hand');
  });

  it('with the type check, any new or changed TypeScript file of the project voids the record, not the entries', async () => {
    project = await tempProject(SOURCES);
    await buildAndWrite(project.root, {}, true);
    expect((await buildAndWrite(project.root, {}, true)).build.cache).toEqual({
      reused: 3,
      rendered: 0,
      recorded: true,
    });
    await project.write('src/types.ts', 'export type Unused = string;\n');
    expect((await buildAndWrite(project.root, {}, true)).build.cache).toEqual({
      reused: 3,
      rendered: 0,
      recorded: false,
    });
    expect((await buildAndWrite(project.root, {}, true)).build.cache).toEqual({
      reused: 3,
      rendered: 0,
      recorded: true,
    });
    await project.write('tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
    expect((await buildAndWrite(project.root, {}, true)).build.cache).toMatchObject({ reused: 3, recorded: false });
    // Without the type check the record is another one.
    expect((await buildAndWrite(project.root, {}, false)).build.cache).toEqual({
      reused: 3,
      rendered: 0,
      recorded: false,
    });
  });
});
