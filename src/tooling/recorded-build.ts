import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BuildRecord, CACHE_FORMAT, recordMatches } from '../build/build-cache-key.ts';
import { sha256 } from '../build/manifest.ts';
import type { PanelcraftConfig } from '../config/config.ts';
import type { BuildCache } from '../io/build-cache.ts';
import type { HashCache } from '../io/write-tree.ts';
import type { KeptDiskState } from '../io/kept-disk-state.ts';
import type { DiskState } from '../build/plan-writes.ts';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import type { OutputFile } from '../model/output-file.ts';
import { OUT_DIR } from '../model/project-layout.ts';
import { dashboardOutput, type RenderedDashboard, renderedDashboard, treeFiles } from './tree-files.ts';

/** The dashboards part of a build, as the record of the last build gives it back. */
export interface RecordedTree {
  /** Paths relative to `provisioning/`; dashboard contents are read when first used. */
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  /** Type-check and dashboard diagnostics, as that build produced them. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The result of the last build without errors, when this build is the same one again: the same context, sources
 * and type-check setting, every file it read (and every file the type check may read now) unchanged, and every
 * dashboard file in `provisioning/` still holding the bytes it wrote (by size, mtime and inode from `hashCache`,
 * else hashed). Then nothing is loaded, type-checked or rendered, and the writer finds nothing to write; the
 * contents are read from the output files (or the cache entries) only if something asks for them.
 */
export async function recordedBuild(
  root: string,
  cache: BuildCache,
  config: PanelcraftConfig,
  now: {
    readonly typecheck: boolean;
    readonly sources: readonly string[];
    /** Files the type check may read now (`typecheckScope`). */
    readonly scan: readonly string[];
    readonly hashCache: HashCache;
    /** Reads `provisioning/` for this build (the write plan reuses what it read). */
    readonly disk: KeptDiskState;
  },
): Promise<RecordedTree | undefined> {
  const record = cache.readRecord();
  if (!record) return undefined;
  const recorded = new Set(record.inputs.map(([p]) => p));
  if (now.scan.some((p) => !recorded.has(p))) return undefined;
  const context = cache.recordContext();
  if (!recordMatches(record, { context, typecheck: now.typecheck, sources: now.sources, hashOf: cache.hashOf }))
    return undefined;
  const outDir = path.join(root, OUT_DIR);
  let disk: DiskState;
  try {
    disk = await now.disk.known(outDir, now.hashCache);
  } catch {
    return undefined;
  }
  const texts = record.dashboards.map((d) => {
    const output = dashboardOutput(d.folder, d.uid);
    let text: string | undefined;
    return { output, read: () => (text ??= contentsOf(cache, outDir, output, d)) };
  });
  if (texts.some((t, i) => disk.files.get(t.output) !== record.dashboards[i]!.sha256)) return undefined;
  const dashboards = record.dashboards.map((d, i) => renderedDashboard(d, texts[i]!.read));
  const files = treeFiles(
    config,
    texts.map((t, i) => ({
      path: t.output,
      get contents() {
        return t.read();
      },
      sha256: record.dashboards[i]!.sha256,
    })),
  );
  return { files, dashboards, diagnostics: record.diagnostics };
}

/** The bytes of a recorded dashboard: its output file if it still holds them, else its cache entry. */
function contentsOf(cache: BuildCache, outDir: string, output: string, d: BuildRecord['dashboards'][number]): string {
  try {
    const text = readFileSync(path.join(outDir, ...output.split('/')), 'utf8');
    if (sha256(text) === d.sha256) return text;
  } catch {
    // gone since the check: try the cache entry
  }
  const cached = cache.entryContents(d.file, d.entry);
  if (cached !== undefined && sha256(cached) === d.sha256) return cached;
  throw new Error(
    `${OUT_DIR}/${output} changed while panelcraft was building and the build cache no longer holds its bytes; run the build again`,
  );
}

/**
 * The record of a build, if it may be reused: it found no errors in type-checking or rendering the dashboards, and
 * every dashboard has a cache entry. Its inputs are every file the entries were keyed by and the type check's scope.
 */
export function buildRecord(
  cache: BuildCache,
  build: {
    readonly typecheck: boolean;
    readonly sources: readonly string[];
    readonly scan: readonly string[];
    readonly dashboards: readonly RenderedDashboard[];
    /** The tree's files, paths relative to `provisioning/`, with their sha256. */
    readonly files: readonly OutputFile[];
    readonly entries: ReadonlyMap<string, { readonly key: string; readonly inputs: readonly string[] }>;
    readonly diagnostics: readonly Diagnostic[];
  },
): BuildRecord | undefined {
  if (hasErrors(build.diagnostics) || build.dashboards.length !== build.sources.length) return undefined;
  if (!build.sources.every((s) => build.entries.has(s))) return undefined;
  const hashes = new Map(build.files.map((f) => [f.path, f.sha256]));
  if (build.dashboards.some((d) => hashes.get(d.output) === undefined)) return undefined;
  const inputs = new Set([...build.scan, ...[...build.entries.values()].flatMap((e) => e.inputs)]);
  return {
    format: CACHE_FORMAT,
    context: cache.recordContext(),
    typecheck: build.typecheck,
    sources: [...build.sources],
    inputs: [...inputs].sort().map((p) => [p, cache.hashOf(p)] as const),
    dashboards: build.dashboards.map((d) => ({
      file: d.source,
      ...(d.folder !== undefined ? { folder: d.folder } : {}),
      uid: d.uid,
      sha256: hashes.get(d.output)!,
      entry: build.entries.get(d.source)!.key,
    })),
    diagnostics: [...build.diagnostics],
  };
}
