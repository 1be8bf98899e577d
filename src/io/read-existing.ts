import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Which of `paths` (relative to `dir`) exist, as files, folders or anything else. */
export async function existingPaths(dir: string, paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const p of paths) {
    try {
      await lstat(path.join(dir, p));
      found.add(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR')
        throw err;
    }
  }
  return found;
}

/** The text of a file, or undefined when there is none. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
