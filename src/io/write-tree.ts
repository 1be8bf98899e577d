import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, formatManifest, parseManifest, sha256, type Manifest } from '../build/manifest.ts';
import type { DiskState, WritePlan } from '../build/plan-writes.ts';
import { listFiles } from './list-files.ts';

/** Suffix of in-flight files: not `.json` or `.yaml`, so Grafana never reads one, and the leading dot hides it. */
const TEMP_SUFFIX = '.panelcraft-tmp';

/**
 * Hashes of files read before, by path, valid while size and mtime stay the same. `dev` keeps one across rebuilds
 * so a save in a large tree re-reads only the files that changed.
 */
export type HashCache = Map<string, { readonly size: number; readonly mtimeMs: number; readonly hash: string }>;

/** Reads what is under `outDir` now (dot-folders skipped, as Grafana does), and the manifest. */
export async function readDiskState(outDir: string, hashCache?: HashCache): Promise<DiskState & { readonly temps: readonly string[] }> {
  const files = new Map<string, string>();
  const temps: string[] = [];
  for (const file of await listFiles(outDir, { descend: (name) => !name.startsWith('.') })) {
    if (file.name.endsWith(TEMP_SUFFIX)) temps.push(file.abs);
    else if (file.rel !== MANIFEST_FILE) files.set(file.rel, await hashOf(file.abs, hashCache));
  }
  let manifest: Manifest | undefined;
  try {
    manifest = parseManifest(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { files, temps, ...(manifest ? { manifest } : {}) };
}

/**
 * Carries out a plan so that no reader ever sees a half-written file: each file goes to a hidden temp name in its
 * own folder, then `rename()` puts it in place atomically. The manifest lists old and new hashes while files move,
 * so a build killed at any point leaves only complete files that the next build recognises as its own.
 */
export async function applyPlan(outDir: string, plan: WritePlan, leftoverTemps: readonly string[] = []): Promise<void> {
  for (const temp of leftoverTemps) await rm(temp, { force: true });
  if (plan.writes.length === 0 && plan.deletes.length === 0) {
    await writeAtomic(path.join(outDir, MANIFEST_FILE), formatManifest(plan.manifest), true);
    return;
  }
  await mkdir(outDir, { recursive: true });
  await writeAtomic(path.join(outDir, MANIFEST_FILE), formatManifest(plan.pendingManifest));
  await inBatches(plan.writes, (file) => writeAtomic(path.join(outDir, ...file.path.split('/')), file.contents));
  for (const file of plan.deletes) {
    const abs = path.join(outDir, ...file.split('/'));
    await rm(abs, { force: true });
    await removeEmptyParents(path.dirname(abs), outDir);
  }
  await writeAtomic(path.join(outDir, MANIFEST_FILE), formatManifest(plan.manifest));
}

async function hashOf(abs: string, cache: HashCache | undefined): Promise<string> {
  if (cache === undefined) return sha256(await readFile(abs, 'utf8'));
  const { size, mtimeMs } = await stat(abs);
  const known = cache.get(abs);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.hash;
  const hash = sha256(await readFile(abs, 'utf8'));
  cache.set(abs, { size, mtimeMs, hash });
  return hash;
}

/** Runs `work` on every item, at most WRITE_CONCURRENCY at a time (libuv's threads do the file system calls). */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, items.length) }, worker));
}

const WRITE_CONCURRENCY = 16;

async function writeAtomic(target: string, contents: string, onlyIfChanged = false): Promise<void> {
  if (onlyIfChanged) {
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === contents) return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}${TEMP_SUFFIX}`);
  await writeFile(temp, contents, 'utf8');
  await rename(temp, target);
}

/** Removes folders emptied by deleting orphans, up to (not including) `stop`. */
async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stop) && current !== stop) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty, or already gone
    }
    current = path.dirname(current);
  }
}
