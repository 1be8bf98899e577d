import { lstat, readlink } from 'node:fs/promises';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, formatManifest, parseManifest, sha256, type Manifest } from '../build/manifest.ts';
import type { DiskState, WritePlan } from '../build/plan-writes.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { OutputStage } from './output-stage.ts';

/** Suffix of in-flight files: not `.json` or `.yaml`, so Grafana never reads one, and the leading dot hides it. */
const TEMP_SUFFIX = '.panelcraft-tmp';

/**
 * Hashes of files read before, by absolute path, valid while size, mtime and inode stay the same. `dev` keeps one
 * across rebuilds and `build` keeps one in the cache folder, so a build in a large tree re-reads only the files that
 * changed. A file modified less than `RACY_MS` before it was hashed is not remembered: a second change within the
 * file system's timestamp granularity could keep size and mtime.
 */
export type HashCache = Map<
  string,
  { readonly size: number; readonly mtimeMs: number; readonly ino?: number; readonly hash: string }
>;

export const RACY_MS = 2_000;

/**
 * Checks the output folder itself and every folder between the project root and it: each must be a real folder (or
 * not exist yet), never a symbolic link, or every file would land wherever the link points.
 */
export async function outputRootProblems(root: string, outRel: string): Promise<Diagnostic[]> {
  const parts = outRel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    const abs = path.join(root, ...parts.slice(0, i));
    let info;
    try {
      info = await lstat(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    if (info.isSymbolicLink()) {
      const target = await readlink(abs).catch(() => '?');
      return [
        {
          rule: 'output-symlink',
          severity: 'error',
          file: rel,
          pointer: '',
          message: `${rel}/ is a symbolic link (to ${target}); panelcraft writes only into a real folder inside the project, so nothing outside it is touched`,
          fix: `replace the link with a folder (\`rm ${rel} && mkdir ${rel}\`) and mount or copy that folder where Grafana needs it`,
        },
      ];
    }
    if (!info.isDirectory()) {
      return [
        {
          rule: 'output-path',
          severity: 'error',
          file: rel,
          pointer: '',
          message: `${rel} is a file, but panelcraft writes a folder there`,
          fix: `move the file ${rel} away`,
        },
      ];
    }
  }
  return [];
}

/**
 * Reads what is under `outDir` now (dot-folders skipped, as Grafana does), and the manifest. Symbolic links are
 * recorded, never followed; sockets and other special entries are recorded, never read.
 */
export async function readDiskState(
  outDir: string,
  hashCache?: HashCache,
): Promise<DiskState & { readonly temps: readonly string[] }> {
  const files = new Map<string, string>();
  const links = new Map<string, string | undefined>();
  const specials: string[] = [];
  const dirs = new Set<string>();
  const temps: string[] = [];
  // Synchronous calls: a tree of 1 000 files took 100+ ms of sequential thread-pool round trips when awaited one by
  // one (`dev` walks it on every save); the same walk done synchronously takes a few ms.
  const walk = (abs: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw err;
    }
    for (const entry of entries) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = readlinkSync(childAbs);
        } catch {
          target = undefined;
        }
        links.set(childRel, existsSync(childAbs) ? target : undefined);
      } else if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) continue;
        dirs.add(childRel);
        walk(childAbs, childRel);
      } else if (!entry.isFile()) {
        specials.push(childRel);
      } else if (entry.name.endsWith(TEMP_SUFFIX)) {
        temps.push(childAbs);
      } else if (childRel !== MANIFEST_FILE) {
        files.set(childRel, fileHash(childAbs, hashCache));
      }
    }
  };
  walk(outDir, '');
  const manifest = links.has(MANIFEST_FILE) ? undefined : readManifest(outDir);
  return { files, links, specials, dirs, temps, ...(manifest ? { manifest } : {}) };
}

/** The manifest of `outDir`, `undefined` when there is none. */
export function readManifest(outDir: string): Manifest | undefined {
  try {
    return manifestOf(outDir, readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR') throw err;
    return undefined;
  }
}

/**
 * The last manifest parsed or written, by output folder (`dev` reads on each save the one it wrote before): read-only
 * to every caller.
 */
const lastManifests = new Map<string, { readonly text: string; readonly manifest: Manifest }>();

function manifestOf(outDir: string, text: string): Manifest {
  const key = path.resolve(outDir);
  let last = lastManifests.get(key);
  if (last?.text !== text) {
    last = { text, manifest: parseManifest(text) };
    lastManifests.set(key, last);
  }
  return last.manifest;
}

/**
 * Remembers `manifest` as the parse of `text`, which was formatted from it: `parseManifest(formatManifest(m))` holds
 * the same paths with the same distinct hashes as `m` (a plan's paths passed `outputNameProblems`, so every one is a
 * safe path the parse keeps). Parsing 5 000 lines again after every `dev` save cost more than the rest of the write.
 */
function remember(outDir: string, text: string, manifest: Manifest): void {
  lastManifests.set(path.resolve(outDir), { text, manifest });
}

/**
 * Carries out a plan so that no reader ever sees a half-written file: each file goes to a hidden temp name in its
 * own folder, then `rename()` puts it in place atomically. The manifest lists old and new hashes while files move,
 * so a build killed at any point leaves only complete files that the next build recognises as its own.
 *
 * Synchronous system calls, one file after the other: the write is the build's last step, with nothing left to run
 * meanwhile. Through libuv's threads, 16 files at a time, each file took four round trips (open, write, close,
 * rename) waiting for this thread, and the threads creating files in one folder at once spun on its lock in the
 * kernel (`perf`: ~0.4 s of CPU in `rwsem_spin_on_owner` at 1 000 dashboards). A `build` moves files written ahead
 * (`staged`, see `OutputStage`) instead of writing them here.
 */
export async function applyPlan(
  outDir: string,
  plan: WritePlan,
  leftoverTemps: readonly string[] = [],
  staged?: (rel: string, contents: string) => string | undefined,
): Promise<void> {
  const inside = containment(outDir);
  for (const temp of leftoverTemps) rmSync(inside(temp), { force: true });
  const manifest = formatManifest(plan.manifest);
  if (plan.writes.length === 0 && plan.deletes.length === 0) {
    writeAtomic(inside, path.join(outDir, MANIFEST_FILE), manifest, true);
    remember(outDir, manifest, plan.manifest);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  writeAtomic(inside, path.join(outDir, MANIFEST_FILE), formatManifest(plan.pendingManifest));
  // Each folder is created once, not once per file (1 000 dashboards in 50 folders: 1 000 mkdir calls).
  const folders = new Set<string>();
  const folder = (dir: string) => {
    if (folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    folders.add(dir);
  };
  for (const file of plan.writes) {
    const target = path.join(outDir, ...file.path.split('/'));
    const temp = staged?.(file.path, file.contents);
    if (temp !== undefined) {
      inside(target);
      folder(path.dirname(target));
      if (OutputStage.place(temp, target)) continue;
    }
    writeAtomic(inside, target, file.contents, false, folder);
  }
  for (const file of plan.deletes) {
    const abs = inside(path.join(outDir, ...file.split('/')));
    rmSync(abs, { force: true });
    removeEmptyParents(path.dirname(abs), outDir);
  }
  writeAtomic(inside, path.join(outDir, MANIFEST_FILE), manifest);
  remember(outDir, manifest, plan.manifest); // the next build (a `dev` save) reads this text
}

/** A planned path resolved outside the output folder: the plan's checks were bypassed (a bug or a race). */
export class OutputEscapeError extends Error {
  override readonly name = 'OutputEscapeError';
}

/**
 * The writer's own invariant, independent of any rule, setting or earlier check: a path is used only when it lies
 * lexically inside `outDir` and the real path of its folder (links resolved) lies inside the real `outDir`.
 * Returns the checker, which gives the path back or throws `OutputEscapeError`.
 */
function containment(outDir: string): (abs: string) => string {
  const base = path.resolve(outDir);
  let realBase: string | undefined;
  const realDirs = new Map<string, string>();
  return (abs) => {
    const resolved = path.resolve(abs);
    const rel = path.relative(base, resolved);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || resolved.includes('\0')) {
      throw new OutputEscapeError(`refusing to write ${JSON.stringify(abs)}: it is not inside ${base}`);
    }
    realBase ??= realpathSync(base);
    const dir = path.dirname(resolved);
    let realDir = realDirs.get(dir);
    if (realDir === undefined) {
      realDir = realPathOf(dir);
      realDirs.set(dir, realDir);
    }
    if (realDir !== realBase && !realDir.startsWith(realBase + path.sep)) {
      throw new OutputEscapeError(
        `refusing to write ${JSON.stringify(abs)}: its folder resolves to ${realDir}, outside ${realBase} (a symbolic link?)`,
      );
    }
    return resolved;
  };
}

/** The real path of `dir`, or of its nearest existing ancestor joined with the rest when it does not exist yet. */
function realPathOf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (err) {
    const parent = path.dirname(dir);
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw err;
    return path.join(realPathOf(parent), path.basename(dir));
  }
}

/** sha256 of the file at `abs`, through `cache` when given (see `HashCache`). */
export function fileHash(abs: string, cache: HashCache | undefined): string {
  if (cache === undefined) return sha256(readFileSync(abs, 'utf8'));
  const { size, mtimeMs, ino } = statSync(abs);
  const known = cache.get(abs);
  if (known && known.size === size && known.mtimeMs === mtimeMs && known.ino === ino) return known.hash;
  const hash = sha256(readFileSync(abs, 'utf8'));
  if (Date.now() - mtimeMs > RACY_MS) cache.set(abs, { size, mtimeMs, ino, hash });
  else cache.delete(abs);
  return hash;
}

function writeAtomic(
  inside: (abs: string) => string,
  target: string,
  contents: string,
  onlyIfChanged = false,
  folder: (dir: string) => void = (dir) => mkdirSync(dir, { recursive: true }),
): void {
  if (onlyIfChanged) {
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === contents) return;
  }
  inside(target); // before mkdir: not even an empty folder may appear outside
  folder(path.dirname(target));
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}${TEMP_SUFFIX}`);
  writeFileSync(temp, contents, 'utf8');
  renameSync(temp, target);
}

/** Removes folders emptied by deleting orphans, up to (not including) `stop`. */
function removeEmptyParents(dir: string, stop: string): void {
  let current = dir;
  while (current.startsWith(stop) && current !== stop) {
    try {
      rmdirSync(current);
    } catch {
      return; // not empty, or already gone
    }
    current = path.dirname(current);
  }
}
