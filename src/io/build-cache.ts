import { createHash } from 'node:crypto';
import {
  existsSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  type BuildRecord,
  type CacheContext,
  checkEntryHeader,
  contextKey,
  entryHeader,
  entryKey,
  type EntryHeader,
  entryIsFresh,
  entryRender,
  formatEntry,
  MISSING,
  parseBuildRecord,
  parseEntryHeader,
} from '../build/build-cache-key.ts';
import { type DashboardRender, dashboardOutput } from '../build/dashboard-render.ts';
import type { PanelcraftConfig } from '../config/config.ts';
import { PACKAGE_ENTRY, PACKAGE_ROOT } from './package-root.ts';
import { NATIVE_PACKAGE } from './native-compiler.ts';
import { type HashCache, RACY_MS } from './write-tree.ts';

/** The default cache folder below the project root (npm's convention for tool caches; the type check uses it too). */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'panelcraft');

/** Where the build cache keeps its files inside the cache folder. */
const BUILD_DIR = 'build';
const ENTRY_SUFFIX = '.entry';
const RECORD_FILE = 'last-build.json';
const INDEX_FILE = 'entries.json';
const INDEX_FORMAT = 'panelcraft-build-cache-index/1';
const HASHES_FILE = 'output-hashes.json';
const HASHES_FORMAT = 'panelcraft-output-hashes/1';
const INPUT_HASHES_FILE = 'input-hashes.json';
const INPUT_HASHES_FORMAT = 'panelcraft-input-hashes/1';

/** The dashboard files below `provisioning/` now: the sha256 of one, and its text when it still has that sha256. */
export interface OutputFiles {
  hash(output: string): string | undefined;
  read(output: string, sha256: string): string | undefined;
}

function changedMeanwhile(output: string): never {
  throw new Error(
    `provisioning/${output} changed while panelcraft was building and its cache entry is damaged; run the build again`,
  );
}

/** A reusable entry: the render, the inputs it was built from (as `inputPath` names them), its key. */
export interface CacheHit {
  readonly render: DashboardRender;
  readonly inputs: readonly string[];
  readonly key: string;
}

export interface BuildCacheOptions {
  /** The cache folder. @default `<root>/node_modules/.cache/panelcraft` */
  readonly dir?: string;
  /** Store what this build renders (off for a build of another revision sharing the folder). @default true */
  readonly write?: boolean;
  /**
   * sha256 of input files by absolute path, valid while size, mtime and inode stay the same (`dev` keeps one across
   * saves, so a save hashes only the files that changed, not all 1 000 sources again).
   */
  readonly inputHashes?: HashCache;
}

/**
 * The content-keyed build cache of one build: per dashboard source, an entry holding its render (output bytes,
 * diagnostics, summary), keyed by the hash of the shared context and of every local file the source imports; and a
 * record of the last build without errors. Every read is checked (format, key, length, sha256) and anything that
 * fails the check is ignored, so a missing, stale, foreign, truncated or corrupt cache costs only speed. Writes go to
 * a temp file and are renamed into place; a folder that cannot be written means no caching, never a failure.
 */
export class BuildCache {
  /** `contextKey` of this build. */
  readonly context: string;
  /** Whether this build may store entries (the folder exists and is writable, and `write` was not turned off). */
  readonly writable: boolean;
  private readonly dir: string;
  private readonly hashes = new Map<string, string>();
  /** The folders holding panelcraft's own sources when it runs from them: in the context hash, so not per entry. */
  private readonly ownSources: readonly string[];
  private tempCount = 0;

  private constructor(
    readonly root: string,
    dir: string,
    writable: boolean,
    context: CacheContext,
    ownSources: readonly string[],
    /** Stat-keyed hashes of input files: the caller's (`dev`), or those the last build kept in the folder. */
    private readonly inputStamps: HashCache,
    /** Whether `inputStamps` were read from the folder, and are kept there again after this build. */
    private readonly keepsStamps: boolean,
  ) {
    this.dir = path.join(dir, BUILD_DIR);
    this.writable = writable;
    this.ownSources = ownSources;
    this.context = contextKey(context);
    this.typescriptVersion = packageVersion(PACKAGE_ROOT, NATIVE_PACKAGE) ?? 'none';
  }

  private readonly typescriptVersion: string;

  /** Opens the cache of the project at `root` for a build with `config`. */
  static open(root: string, config: PanelcraftConfig, options: BuildCacheOptions = {}): BuildCache {
    const base = path.resolve(root, options.dir ?? DEFAULT_CACHE_DIR);
    let writable = options.write !== false;
    if (writable) {
      try {
        mkdirSync(path.join(base, BUILD_DIR), { recursive: true });
      } catch {
        writable = false;
      }
    }
    const ownSources = panelcraftSourceDirs();
    const sdkVersion = packageVersion(root, '@grafana/grafana-foundation-sdk');
    const context: CacheContext = {
      nodeMajor: Number(process.versions.node.split('.')[0]),
      panelcraftVersion: packageVersion(PACKAGE_ROOT, '.') ?? 'unknown',
      ...(ownSources.length > 0 ? { panelcraftSources: hashTrees(ownSources) } : {}),
      ...(sdkVersion !== undefined ? { sdkVersion } : {}),
      lockfiles: LOCKFILES.map((f) => [f, hashFile(path.join(root, f))] as const),
      config,
    };
    const stamps =
      options.inputHashes ?? readStamps(path.join(base, BUILD_DIR, INPUT_HASHES_FILE), INPUT_HASHES_FORMAT);
    return new BuildCache(
      path.resolve(root),
      base,
      writable,
      context,
      ownSources,
      stamps,
      options.inputHashes === undefined,
    );
  }

  /**
   * sha256 of a file's bytes (`missing` when it cannot be read), once per build. `file` is as `inputPath` gives it.
   * A file whose size, mtime and inode are as when a build hashed it is not read again (the hashes are kept in the
   * folder between builds: a build with nothing changed stats its 5 000 sources instead of reading and hashing them).
   */
  hashOf = (file: string): string => {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      const abs = path.resolve(this.root, file);
      const before = this.inputStamps.get(abs);
      hash = stampedHashFile(abs, this.inputStamps);
      if (this.inputStamps.get(abs) !== before) this.stampsChanged = true;
      this.asked.add(abs);
      this.hashes.set(file, hash);
    }
    return hash;
  };

  /** Input files this build hashed (absolute), and whether any of their kept hashes changed. */
  private readonly asked = new Set<string>();
  private stampsChanged = false;

  /** Keeps the hashes of the input files this build asked for, when they changed, for the next build. */
  saveInputHashes(): void {
    if (!this.keepsStamps || !this.stampsChanged) return;
    this.writeStamps(INPUT_HASHES_FILE, INPUT_HASHES_FORMAT, this.inputStamps, this.asked);
    this.stampsChanged = false;
  }

  /**
   * How an input is named in entries and the record: posix and relative to the root inside it (so a cache moves
   * with the project, e.g. between CI checkouts), absolute outside. `undefined` for panelcraft's own sources, which
   * the context hash already covers.
   */
  inputPath(abs: string): string | undefined {
    if (this.ownSources.some((dir) => abs.startsWith(dir + path.sep))) return undefined;
    const rel = path.relative(this.root, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
  }

  /**
   * The cached render of `source`, if its entry is intact and every file it was built from is unchanged. When
   * `outputs` says the output file on disk already holds the entry's bytes (by its sha256), the body is not decoded
   * and hashed now: the contents are taken on first use from the entry, checked, or else from that output file.
   */
  lookup(source: string, outputs?: OutputFiles): CacheHit | undefined {
    // An entry of the index has no bytes of its own: it answers only while the output file still holds them.
    const indexed = outputs && this.index().get(source);
    if (indexed && outputs.hash(outputOf(indexed)) === indexed.render.sha256) {
      if (entryIsFresh(indexed, this.context, source, this.hashOf)) return this.fromOutput(source, indexed, outputs);
    }
    const found = this.readEntry(source);
    if (!found || !entryIsFresh(found.header, this.context, source, this.hashOf)) return undefined;
    const { header } = found;
    if (outputs?.hash(outputOf(header)) === header.render.sha256) return this.fromOutput(source, header, outputs);
    const render = entryRender(header, found.body());
    return render ? { render, inputs: header.inputs, key: header.key } : undefined;
  }

  /**
   * A hit whose bytes the output file holds: read again when asked for (from the output file, else an entry file of
   * the same key). Keeping the entry's bytes until then held 5 000 × 28 KB in a build that reads a handful of them.
   */
  private fromOutput(source: string, header: EntryHeader, outputs: OutputFiles): CacheHit {
    const output = outputOf(header);
    let text: string | undefined;
    const contents = () => {
      text ??=
        outputs.read(output, header.render.sha256) ??
        this.entryContents(source, header.key) ??
        changedMeanwhile(output);
      return text;
    };
    const render: DashboardRender = {
      ...header.render,
      get contents() {
        return contents();
      },
    };
    return { render, inputs: header.inputs, key: header.key };
  }

  /** The bytes of `source`'s output from the entry with key `key`, if it is that entry and intact. */
  entryContents(source: string, key: string): string | undefined {
    const found = this.readEntry(source);
    if (!found || found.header.key !== key) return undefined;
    return entryRender(found.header, found.body())?.contents;
  }

  /**
   * Stores a render built from `inputs` (absolute paths). Returns its key and its inputs as `inputPath` names them,
   * also when this build may not write (then the record is not written either). `onDisk`: the output file holds the
   * render's bytes now (this build wrote them, or found them there); then the entry is a line of the index, without
   * the bytes (`saveIndex` writes it), else an entry file of its own holding them.
   */
  store(
    render: DashboardRender,
    inputs: readonly string[],
    onDisk = false,
  ): { key: string; inputs: readonly string[] } {
    const names = [...new Set(inputs.map((i) => this.inputPath(i)).filter((i) => i !== undefined))];
    if (!names.includes(render.file)) names.push(render.file);
    names.sort();
    const key = entryKey(
      this.context,
      render.file,
      names.map((p) => [p, this.hashOf(p)] as const),
    );
    if (this.writable) {
      const index = this.index();
      if (onDisk) {
        if (index.get(render.file)?.key !== key) this.indexed.set(render.file, entryHeader(key, names, render));
        this.replaced.add(path.basename(this.entryFile(render.file)));
      } else {
        const file = this.entryFile(render.file);
        if (!storedUnchanged(file, key)) {
          if (this.writeAtomic(file, formatEntry(key, names, render))) this.listed?.add(path.basename(file));
          rememberStored(file, key);
        }
        if (index.has(render.file)) this.indexed.set(render.file, undefined);
      }
    }
    return { key, inputs: names };
  }

  /** What `store` changed in the index (`undefined`: drop), and the entry files whose source went to the index. */
  private readonly indexed = new Map<string, EntryHeader | undefined>();
  private readonly replaced = new Set<string>();
  private indexRead: ReadonlyMap<string, EntryHeader> | undefined;

  /** The index as the folder holds it (read once per build; `dev` keeps what it wrote or read while unchanged). */
  private index(): ReadonlyMap<string, EntryHeader> {
    this.indexRead ??= readIndex(path.join(this.dir, INDEX_FILE));
    return this.indexRead;
  }

  /**
   * Writes the index: the entries `store` put there, and those it had of the other `sources` (one file, where an
   * entry file per dashboard took ~0.4 ms each to create and rename on ext4: 370 ms at 1 000 dashboards).
   */
  saveIndex(sources: readonly string[]): void {
    if (!this.writable) return;
    const before = this.index();
    const keep = new Set(sources);
    if (this.indexed.size === 0 && [...before.keys()].every((s) => keep.has(s))) return;
    const next = new Map<string, EntryHeader>();
    for (const source of sources) {
      const header = this.indexed.has(source) ? this.indexed.get(source) : before.get(source);
      if (header !== undefined) next.set(source, header);
    }
    const file = path.join(this.dir, INDEX_FILE);
    if (this.writeAtomic(file, JSON.stringify({ format: INDEX_FORMAT, entries: [...next.values()] })))
      rememberIndex(file, next);
    this.indexRead = next;
    this.indexed.clear();
  }

  /** The context of the record: the entries' context and the TypeScript that checked the sources. */
  recordContext(): string {
    return createHash('sha256').update(`${this.context}\0typescript ${this.typescriptVersion}`).digest('hex');
  }

  readRecord(): BuildRecord | undefined {
    try {
      return parseBuildRecord(readFileSync(path.join(this.dir, RECORD_FILE), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Whether the folder holds a record of a last build (a stat): without one, a build will likely render everything. */
  hasRecord(): boolean {
    return existsSync(path.join(this.dir, RECORD_FILE));
  }

  /**
   * Whether the record of the last build was written after each of `sources` (relative to the root) last changed,
   * by mtime: then it will likely answer this build. A guess from a stat of each (no reads), for deciding what to
   * start early; whether the record answers is decided by content (`recordedBuild`).
   */
  recordNewerThan(sources: readonly string[]): boolean {
    try {
      const written = statSync(path.join(this.dir, RECORD_FILE)).mtimeMs;
      return sources.every((s) => statSync(path.resolve(this.root, s)).mtimeMs < written);
    } catch {
      return false;
    }
  }

  /** Keeps `record` for the next build. Without one the last record stays: it only matches its own inputs. */
  writeRecord(record: BuildRecord | undefined): void {
    if (this.writable && record !== undefined)
      this.writeAtomic(path.join(this.dir, RECORD_FILE), JSON.stringify(record));
  }

  /** Removes the entries of sources that no longer exist, and temp files older than an hour (a killed build's). */
  evict(sources: readonly string[]): void {
    if (!this.writable) return;
    // `dev` evicts after every save: the same sources as at this process's last eviction leave nothing to remove
    // that it has not removed already (what another build left behind goes at the next change of sources).
    const list = sources.join('\0');
    if (evicted.get(this.dir) === list && this.replaced.size === 0) return;
    evicted.set(this.dir, list);
    const keep = new Set(sources.map((s) => path.basename(this.entryFile(s))));
    for (const name of this.replaced) keep.delete(name); // their entries are in the index now
    this.replaced.clear();
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const hourAgo = Date.now() - 3_600_000;
    for (const name of names) {
      const abs = path.join(this.dir, name);
      try {
        if (name.endsWith(ENTRY_SUFFIX) && !keep.has(name)) rmSync(abs, { force: true });
        else if (name.endsWith('.tmp') && statSync(abs).mtimeMs < hourAgo) rmSync(abs, { force: true });
      } catch {
        // another build may be cleaning up too
      }
    }
  }

  /** The stat-keyed hashes of output files the last build kept (only what still matches is ever used). */
  readHashCache(): HashCache {
    return readStamps(path.join(this.dir, HASHES_FILE), HASHES_FORMAT);
  }

  /** Keeps the hashes of the output files that exist now (`files`, absolute), for the next build. */
  writeHashCache(cache: HashCache, files: Iterable<string>): void {
    this.writeStamps(HASHES_FILE, HASHES_FORMAT, cache, files);
  }

  private writeStamps(name: string, format: string, cache: HashCache, files: Iterable<string>): void {
    if (!this.writable) return;
    const out: Record<string, readonly [number, number, number, string]> = {};
    for (const file of files) {
      const known = cache.get(file);
      if (known?.ino !== undefined) out[file] = [known.size, known.mtimeMs, known.ino, known.hash];
    }
    const text = JSON.stringify({ format, files: out });
    const target = path.join(this.dir, name);
    try {
      if (readFileSync(target, 'utf8') === text) return;
    } catch {
      // not there yet
    }
    this.writeAtomic(target, text);
  }

  private entryFile(source: string): string {
    let name = entryNames.get(source);
    if (name === undefined) {
      name = `${createHash('sha256').update(source).digest('hex').slice(0, 40)}${ENTRY_SUFFIX}`;
      entryNames.set(source, name);
    }
    return path.join(this.dir, name);
  }

  /**
   * An entry's header, read from the start of its file; the body (the output's bytes, 25 KB against a header of a
   * few hundred) is read when asked for. A body read after the file was replaced fails `entryRender`'s length and
   * sha256 check, which makes it a miss.
   */
  private readEntry(source: string): { header: EntryHeader; body: () => string } | undefined {
    const file = this.entryFile(source);
    if (!this.entryNames().has(path.basename(file))) return undefined;
    const head = readHead(file);
    if (head === undefined) return undefined;
    const header = parseEntryHeader(head.line, source);
    if (!header) return undefined;
    return {
      header,
      body: () => {
        try {
          return readFileSync(file).subarray(head.bodyStart).toString('utf8');
        } catch {
          return '';
        }
      },
    };
  }

  /** Whether it wrote `file`. */
  /**
   * The entry files in the folder, listed once per build: most dashboards have none (their entry is in the index),
   * and a cold build would try to open 1 000 that do not exist. One written meanwhile by another build is missed.
   */
  private entryNames(): Set<string> {
    if (this.listed === undefined) {
      try {
        this.listed = new Set(readdirSync(this.dir).filter((n) => n.endsWith(ENTRY_SUFFIX)));
      } catch {
        this.listed = new Set();
      }
    }
    return this.listed;
  }

  private listed: Set<string> | undefined;

  private writeAtomic(file: string, text: string): boolean {
    const temp = `${file}.${process.pid}.${this.tempCount++}.tmp`;
    try {
      writeFileSync(temp, text);
      renameSync(temp, file);
      return true;
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // a cache only; the folder may not even be a folder
      }
      return false;
    }
  }
}

const outputOf = (header: EntryHeader) => dashboardOutput(header.render.folder, header.render.uid);

/** The index file this process last read or wrote, by path: its stamp and entries (`dev` stores on every save). */
const indexes = new Map<string, { readonly stamp: string; readonly entries: ReadonlyMap<string, EntryHeader> }>();

function rememberIndex(file: string, entries: ReadonlyMap<string, EntryHeader>): void {
  const stamp = fileStamp(file);
  if (stamp === undefined) indexes.delete(file);
  else indexes.set(file, { stamp, entries });
}

/** The entries of the index file: each checked as an entry file's header is; a bad file or line gives none. */
function readIndex(file: string): ReadonlyMap<string, EntryHeader> {
  const stamp = fileStamp(file);
  if (stamp === undefined) return new Map();
  const known = indexes.get(file);
  if (known?.stamp === stamp) return known.entries;
  const entries = new Map<string, EntryHeader>();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown };
    if (parsed.format === INDEX_FORMAT && Array.isArray(parsed.entries))
      for (const value of parsed.entries as unknown[]) {
        const source = (value as { render?: { file?: unknown } } | null)?.render?.file;
        const header = typeof source === 'string' ? checkEntryHeader(value, source) : undefined;
        if (header) entries.set(source as string, header);
      }
  } catch {
    return entries; // unreadable or damaged: no entries (an entry costs only speed)
  }
  indexes.set(file, { stamp, entries });
  return entries;
}

/** Stat-keyed hashes kept in `file` (only what still matches is ever used; a bad file gives none). */
function readStamps(file: string, format: string): HashCache {
  const cache: HashCache = new Map();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; files?: unknown };
    if (parsed.format !== format || typeof parsed.files !== 'object' || parsed.files === null) return cache;
    for (const [name, v] of Object.entries(parsed.files as Record<string, unknown>)) {
      if (!Array.isArray(v) || v.length !== 4) continue;
      const [size, mtimeMs, ino, hash] = v as unknown[];
      if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ino !== 'number') continue;
      if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) continue;
      cache.set(name, { size, mtimeMs, ino, hash });
    }
  } catch {
    // none yet, or unreadable: every file is hashed
  }
  return cache;
}

/** The first line of a file and where the rest starts, reading only as far as the line goes. */
function readHead(file: string): { line: string; bodyStart: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let buffer = Buffer.allocUnsafe(HEAD_BYTES);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      const newline = buffer.subarray(length, length + read).indexOf(10);
      if (newline >= 0) {
        const end = length + newline;
        return { line: buffer.toString('utf8', 0, end), bodyStart: end + 1 };
      }
      length += read;
      if (read === 0) return undefined;
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 4);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

const HEAD_BYTES = 4096;

/** Lockfiles (and npm's record of what is installed): another install may change what a dashboard imports. */
/**
 * Entries this process wrote: file → key, size and mtime. `dev` renders from its memo on every save and stores
 * each dashboard again; an entry this process already wrote under the same key, still as it was written, is not
 * rewritten (replacing a file by rename costs milliseconds on ext4, 1 000 of them per save).
 */
const stored = new Map<string, { readonly key: string; readonly stamp: string }>();

/** Entry file name by source, computed once per process. */
const entryNames = new Map<string, string>();

/** Cache folder → the sources of this process's last eviction there, joined by NUL. */
const evicted = new Map<string, string>();

function fileStamp(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function storedUnchanged(file: string, key: string): boolean {
  const was = stored.get(file);
  return was !== undefined && was.key === key && fileStamp(file) === was.stamp;
}

function rememberStored(file: string, key: string): void {
  const stamp = fileStamp(file);
  if (stamp === undefined) stored.delete(file);
  else stored.set(file, { key, stamp });
}

const LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'node_modules/.package-lock.json',
];

/** sha256 of a file's bytes; `missing` when it cannot be read as a file. */
export function hashFile(abs: string): string {
  try {
    return createHash('sha256').update(readFileSync(abs)).digest('hex');
  } catch {
    return MISSING;
  }
}

/**
 * `hashFile` through `known`: a file whose size, mtime and inode are as when it was hashed is not read again. A file
 * modified less than `RACY_MS` before it was hashed is not remembered (a second change within the file system's
 * timestamp granularity could keep size and mtime).
 */
function stampedHashFile(abs: string, known: HashCache): string {
  let info;
  try {
    info = statSync(abs);
  } catch {
    known.delete(abs);
    return MISSING;
  }
  const was = known.get(abs);
  if (was && was.size === info.size && was.mtimeMs === info.mtimeMs && was.ino === info.ino) return was.hash;
  const hash = hashFile(abs);
  if (hash !== MISSING && info.isFile() && Date.now() - info.mtimeMs > RACY_MS)
    known.set(abs, { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, hash });
  else known.delete(abs);
  return hash;
}

/**
 * panelcraft's own source folders when it runs unpackaged (this repository, a linked checkout): then an edit to them
 * changes every render without changing the version. An install below node_modules is keyed by its version alone.
 */
function panelcraftSourceDirs(): string[] {
  if (PACKAGE_ROOT.split(path.sep).includes('node_modules')) return [];
  const dirs = PACKAGE_ENTRY.endsWith('.ts')
    ? ['src', 'schema']
    : [path.join('dist', 'src'), path.join('dist', 'schema')];
  return dirs.map((d) => path.join(PACKAGE_ROOT, d)).filter((d) => isDir(d));
}

/** One hash over every file below `dirs`: their paths and contents. */
function hashTrees(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) hash.update(`${path.relative(PACKAGE_ROOT, abs)}\0${hashFile(abs)}\n`);
    }
  };
  for (const dir of dirs) walk(dir);
  return hash.digest('hex');
}

/** The version of package `name` as resolved from `from` (`.` = the package at `from`), walking up node_modules. */
function packageVersion(from: string, name: string): string | undefined {
  const read = (file: string) => {
    try {
      const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
      return typeof version === 'string' ? version : undefined;
    } catch {
      return undefined;
    }
  };
  if (name === '.') return read(path.join(from, 'package.json'));
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const found = read(path.join(dir, 'node_modules', name, 'package.json'));
    if (found !== undefined) return found;
    if (path.dirname(dir) === dir) break;
  }
  return from === PACKAGE_ROOT ? undefined : packageVersion(PACKAGE_ROOT, name);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
