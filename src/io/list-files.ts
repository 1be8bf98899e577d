import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A file found below a folder: its absolute path, its posix path relative to the folder, and its name. */
export interface ListedFile {
  readonly abs: string;
  readonly rel: string;
  readonly name: string;
}

export interface ListOptions {
  /** Whether to walk into a folder, by name. @default every folder */
  readonly descend?: (name: string) => boolean;
  /** Whether to list a file, by name. @default every file */
  readonly include?: (name: string) => boolean;
  /** Prefix for `rel`, e.g. `dashboards` gives `dashboards/x.ts`. @default none */
  readonly relPrefix?: string;
}

/**
 * Every file below `dir` (recursively, regular files and symlinks to files), sorted by `rel`. A missing `dir` gives
 * an empty list; any other error is thrown. The one directory walk of the shell: sources, provisioning output and
 * lint inputs all go through it.
 */
export async function listFiles(dir: string, options: ListOptions = {}): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  const walk = async (abs: string, rel: string | undefined): Promise<void> => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && rel === options.relPrefix) return;
      throw err;
    }
    for (const entry of entries) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel === undefined || rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (options.descend?.(entry.name) ?? true) await walk(childAbs, childRel);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && (options.include?.(entry.name) ?? true)) {
        out.push({ abs: childAbs, rel: childRel, name: entry.name });
      }
    }
  };
  await walk(dir, options.relPrefix);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
