import { lstatSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, type Manifest } from '../build/manifest.ts';
import type { DiskState, WritePlan } from '../build/plan-writes.ts';
import type { OutputFile } from '../model/output-file.ts';
import { fileHash, type HashCache, readDiskState, readManifest } from './write-tree.ts';

/** What is known of one output folder: `readDiskState`'s answer, kept current. */
interface Known {
  readonly files: Map<string, string>;
  readonly links: Map<string, string | undefined>;
  readonly specials: readonly string[];
  readonly dirs: Set<string>;
  manifest: Manifest | undefined;
  /** Temp files a killed write left, found by the last full read: the next write removes them. */
  temps: readonly string[];
}

/**
 * The output folders as `dev` last read or wrote them, so a save checks on disk only what it is about to change:
 * the files whose bytes differ from what it knows, the files it would delete, and the paths a watcher on the folders
 * reported changed since (a hand edit, a foreign file dropped in). Anything the kept state cannot follow exactly (a
 * folder, a link or a special file appearing, a change the platform did not name, a folder nobody watches) reads the
 * whole folder again, as `panelcraft build` does every time. The manifest is read on every save (a dot-file, which
 * the watcher does not report).
 */
export class KeptDiskState {
  private readonly folders = new Map<string, Known>();
  /** Per output folder (absolute): paths below it reported changed since it was last read, or `all`. */
  private readonly dirty = new Map<string, Set<string> | 'all'>();

  /** `watched`: the output folders (absolute) whose every change is reported through `changed`. */
  constructor(private readonly watched: ReadonlySet<string>) {}

  /**
   * For one build: the folder is read in full once (by what first asks, e.g. the check of the record) and the write
   * plan checks again only the files it writes or deletes. A hand edit made in between to a file the build leaves
   * as it is is reported by the next build; it is never overwritten, as that file is not written.
   */
  static forOneBuild(outDir: string): KeptDiskState {
    return new KeptDiskState(new Set([path.resolve(outDir)]));
  }

  /** A watcher's report: an absolute path that changed, or `unknown` when the platform did not name it. */
  changed(abs: string | 'unknown'): void {
    for (const dir of this.watched) {
      if (abs === 'unknown') this.dirty.set(dir, 'all');
      else if (abs === dir || abs.startsWith(dir + path.sep)) {
        const rel = path.relative(dir, abs).split(path.sep).join('/');
        const set = this.dirty.get(dir);
        if (rel === '') this.dirty.set(dir, 'all');
        else if (set === undefined) this.dirty.set(dir, new Set([rel]));
        else if (set !== 'all') set.add(rel);
      }
    }
  }

  /** `outDir` as last read or written, without checking anything again; read in full the first time. */
  async known(outDir: string, hashCache?: HashCache): Promise<DiskState> {
    const kept = this.folders.get(path.resolve(outDir));
    return kept ? view(kept) : this.read(outDir, [], hashCache);
  }

  /** What `outDir` holds now, as `readDiskState` would answer for a build that produces `files`. */
  async read(
    outDir: string,
    files: readonly OutputFile[],
    hashCache?: HashCache,
  ): Promise<DiskState & { readonly temps: readonly string[] }> {
    const dir = path.resolve(outDir);
    const dirty = this.dirty.get(dir);
    this.dirty.delete(dir);
    let known = this.folders.get(dir);
    if (known !== undefined && this.watched.has(dir) && dirty !== 'all') {
      const check = new Set(dirty);
      const produced = new Set<string>();
      for (const f of files) {
        produced.add(f.path);
        if (f.sha256 === undefined || known.files.get(f.path) !== f.sha256) check.add(f.path);
      }
      for (const p of known.files.keys()) if (!produced.has(p)) check.add(p);
      // Paths as given (relative or not), as `readDiskState` names them in `hashCache`; `dir` is the key.
      if (!manifestIsLink(outDir) && refresh(outDir, known, check, hashCache)) {
        known.manifest = readManifest(outDir);
        return { ...view(known), temps: known.temps };
      }
    }
    const full = await readDiskState(outDir, hashCache);
    known = {
      files: new Map(full.files),
      links: new Map(full.links),
      specials: [...(full.specials ?? [])],
      dirs: new Set(full.dirs),
      manifest: full.manifest,
      temps: full.temps,
    };
    this.folders.set(dir, known);
    return full;
  }

  /** After `plan` was carried out in `outDir`: its files and manifest are what the folder holds. */
  wrote(outDir: string, plan: WritePlan): void {
    const known = this.folders.get(path.resolve(outDir));
    if (known === undefined) return;
    for (const file of plan.writes) {
      known.files.set(file.path, plan.manifest.get(file.path)![0]!);
      const parts = file.path.split('/');
      for (let i = 1; i < parts.length; i++) known.dirs.add(parts.slice(0, i).join('/'));
    }
    for (const file of plan.deletes) known.files.delete(file);
    // Deleting a dashboard may have removed its emptied folder: read the folder again next time.
    if (plan.deletes.length > 0) this.dirty.set(path.resolve(outDir), 'all');
    known.manifest = plan.manifest;
    known.temps = [];
  }
}

/**
 * Brings `known` up to date for the paths in `check`; false when one of them is something the kept state does not
 * follow (a folder, a link, a special file, a file inside what was a file): the caller reads the folder again.
 */
function refresh(dir: string, known: Known, check: ReadonlySet<string>, hashCache: HashCache | undefined): boolean {
  for (const rel of check) {
    if (
      rel
        .split('/')
        .slice(0, -1)
        .some((part) => part.startsWith('.'))
    )
      continue; // dot-folders are not read
    if (known.links.has(rel) || known.specials.includes(rel) || known.dirs.has(rel)) return false;
    const abs = path.join(dir, ...rel.split('/'));
    let info;
    try {
      info = lstatSync(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      known.files.delete(rel);
      continue;
    }
    if (!info.isFile()) return false;
    if (rel.endsWith(TEMP_SUFFIX)) continue;
    const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    if (parent !== '' && !known.dirs.has(parent)) return false;
    known.files.set(rel, fileHash(abs, hashCache));
  }
  return true;
}

const TEMP_SUFFIX = '.panelcraft-tmp';

/** A manifest that is a link is never read (`readDiskState` reports it). */
function manifestIsLink(dir: string): boolean {
  try {
    return lstatSync(path.join(dir, MANIFEST_FILE)).isSymbolicLink();
  } catch {
    return false;
  }
}

function view(known: Known): DiskState {
  return {
    files: known.files,
    links: known.links,
    specials: known.specials,
    dirs: known.dirs,
    ...(known.manifest ? { manifest: known.manifest } : {}),
  };
}
