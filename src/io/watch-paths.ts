import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** A change batch: posix paths relative to the root, or `'unknown'` when the platform did not name the file. */
export type ChangeBatch = ReadonlySet<string> | 'unknown';

export interface Watcher {
  close(): void;
}

/**
 * Watches folders recursively and single files (through their parent folder, so editors that save by rename are
 * seen) below `root`, and calls `onChange` once per burst of events, `debounceMs` after the last one.
 */
export function watchPaths(
  root: string,
  targets: { readonly dirs: readonly string[]; readonly files: readonly string[] },
  onChange: (changed: ChangeBatch) => void,
  debounceMs = 30,
): Watcher {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let unknown = false;
  let timer: NodeJS.Timeout | undefined;
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
  const add = (dir: string, options: { recursive: boolean }, filter: (name: string) => boolean) => {
    try {
      const w = watch(path.join(root, dir), { recursive: options.recursive }, (_event, name) => {
        if (name === null) return note(undefined);
        const rel = toPosix(path.join(dir, name.toString()));
        if (filter(rel)) note(rel);
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };
  for (const dir of targets.dirs) add(dir, { recursive: true }, () => true);
  const byParent = new Map<string, Set<string>>();
  for (const file of targets.files) {
    const parent = path.posix.dirname(file);
    byParent.set(parent, (byParent.get(parent) ?? new Set()).add(toPosix(path.posix.normalize(file))));
  }
  for (const [parent, files] of byParent)
    add(parent, { recursive: false }, (rel) => files.has(rel) || targets.dirs.includes(rel));
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '');
}
