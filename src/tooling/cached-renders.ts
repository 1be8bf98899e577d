import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../build/manifest.ts';
import type { PanelcraftConfig } from '../config/config.ts';
import { BuildCache, type CacheHit, type OutputFiles } from '../io/build-cache.ts';
import { type HashCache, readDiskState } from '../io/write-tree.ts';
import type { KeptDiskState } from '../io/kept-disk-state.ts';
import type { DiskState } from '../build/plan-writes.ts';
import { OUT_DIR } from '../model/project-layout.ts';

/**
 * The dashboard files in `provisioning/` now, hashed through the kept hashes: a cached dashboard whose output file
 * already holds its bytes is not decoded until something reads it. `undefined` when the folder cannot be read.
 */
export async function outputFiles(
  root: string,
  hashCache: HashCache,
  kept?: KeptDiskState,
): Promise<OutputFiles | undefined> {
  const outDir = path.join(root, OUT_DIR);
  let disk: DiskState;
  try {
    disk = kept ? await kept.known(outDir, hashCache) : await readDiskState(outDir, hashCache);
  } catch {
    return undefined;
  }
  return {
    hash: (output) => disk.files.get(output),
    read: (output, sha) => {
      try {
        const text = readFileSync(path.join(outDir, ...output.split('/')), 'utf8');
        return sha256(text) === sha ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The build cache's renders of `sources` whose entries are intact and whose inputs are unchanged (by content), for
 * `dev`: a start or a change to shared code loads only the dashboards the cache cannot give back. Reads only.
 */
export async function cachedRenders(
  root: string,
  config: PanelcraftConfig,
  sources: readonly string[],
  options: { readonly cacheDir?: string; readonly hashCache: HashCache; readonly inputHashes?: HashCache },
): Promise<Map<string, CacheHit>> {
  const cache = BuildCache.open(root, config, {
    write: false,
    ...(options.cacheDir !== undefined ? { dir: options.cacheDir } : {}),
    ...(options.inputHashes ? { inputHashes: options.inputHashes } : {}),
  });
  const outputs = await outputFiles(root, options.hashCache);
  const hits = new Map<string, CacheHit>();
  for (const source of sources) {
    const hit = cache.lookup(source, outputs);
    if (hit) hits.set(source, hit);
  }
  return hits;
}
