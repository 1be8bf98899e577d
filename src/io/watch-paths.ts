import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** A change batch: posix paths relative to the root, or `'unknown'` when the platform did not name the file. */
export type ChangeBatch = ReadonlySet<string> | 'unknown';

export interface Watcher {
  /** Also watch these files (absolute, or relative to the root; may lie outside it), e.g. every file a dashboard imports. */
  watchFiles(files: Iterable<string>): void;
  close(): void;
}

/**
 * Watches folders recursively and single files below (or outside) `root`, and calls `onChange` once per burst of
 * events, `debounceMs` after the last one. Every folder gets its own non-recursive watcher and single files are
 * watched through their folder, because a watcher on a file follows its inode: editors that save by writing a new
 * file and renaming it over the old one (vim, JetBrains safe write, `sed -i`) would leave it watching a deleted
 * file. Folders that appear later are watched as they appear; folders that go away release their watcher.
 */
export function watchPaths(
  root: string,
  targets: { readonly dirs: readonly string[]; readonly files: readonly string[] },
  onChange: (changed: ChangeBatch) => void,
  debounceMs = 10,
): Watcher {
  const base = path.resolve(root);
  /** Folder (absolute) → its watcher, and whether everything in it counts (`tree`) or only `files`. */
  const watchers = new Map<string, { readonly w: FSWatcher; readonly tree: boolean }>();
  /** Folder (absolute) → the single files watched in it (absolute). */
  const singles = new Map<string, Set<string>>();
  let pending = new Set<string>();
  let unknown = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const note = (rel: string | undefined) => {
    if (rel === undefined) unknown = true;
    else pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const batch: ChangeBatch = unknown ? 'unknown' : pending;
      pending = new Set();
      unknown = false;
      onChange(batch);
    }, debounceMs);
  };
  const relOf = (abs: string) => toPosix(path.relative(base, abs));

  const unwatch = (dir: string) => {
    for (const [d, entry] of watchers) {
      if (d === dir || d.startsWith(dir + path.sep)) {
        entry.w.close();
        watchers.delete(d);
      }
    }
  };

  const watchDir = (dir: string, tree: boolean): void => {
    const known = watchers.get(dir);
    if (closed || (known && (known.tree || !tree))) return;
    if (known) {
      known.w.close();
      watchers.delete(dir);
    }
    let w: FSWatcher;
    try {
      w = watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name === null ? undefined : name.toString()));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') return;
      throw err;
    }
    w.on('error', () => unwatch(dir));
    watchers.set(dir, { w, tree });
    if (!tree) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !skipped(e.name)) watchDir(path.join(dir, e.name), true);
  };

  const onEvent = (dir: string, name: string | undefined) => {
    const entry = watchers.get(dir);
    if (!entry) return;
    if (name === undefined) return note(entry.tree ? undefined : relOf(dir));
    const abs = path.join(dir, name);
    if (entry.tree) {
      if (skipped(name)) return;
      note(relOf(abs));
      // A folder that appeared (created, or renamed into place) is watched from now on; one that went is released.
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        unwatch(abs);
      }
      if (isDir && !watchers.has(abs)) {
        watchDir(abs, true);
        // Files may have landed in it before its watcher existed.
        note(relOf(abs));
      }
    } else if (singles.get(dir)?.has(abs)) {
      note(relOf(abs));
      if (trees.has(abs) && !watchers.has(abs)) watchDir(abs, true);
    }
  };

  const addFile = (file: string) => {
    const abs = path.resolve(base, file);
    const dir = path.dirname(abs);
    const set = singles.get(dir) ?? new Set<string>();
    set.add(abs);
    singles.set(dir, set);
    if (!watchers.has(dir) && !isInsideTree(dir)) watchDir(dir, false);
  };
  const isInsideTree = (dir: string) =>
    [...watchers].some(([d, e]) => e.tree && (dir === d || dir.startsWith(d + path.sep)));

  const trees = new Set(targets.dirs.map((dir) => path.resolve(base, dir)));
  for (const dir of trees) watchDir(dir, true);
  for (const file of targets.files) addFile(file);
  // A watched tree that does not exist yet (`src/` created later) is picked up through its parent.
  for (const dir of targets.dirs) addFile(dir);

  return {
    watchFiles(files) {
      for (const file of files) addFile(file);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const { w } of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** Folders never watched: dot-folders (.git), node_modules. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '');
}
