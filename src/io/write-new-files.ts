import { link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of in-flight files; never `.ts`, so neither the loader nor an editor's TypeScript picks one up. */
const TEMP_SUFFIX = '.panelcraft-tmp';

/** Paths (as given) of the files that already exist; such files are never overwritten. */
export async function existingFiles(root: string, files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    try {
      await lstat(path.resolve(root, file));
      out.push(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out;
}

/**
 * Creates new files all-or-nothing and without overwriting anything: every file goes to a hidden temp name first,
 * then is hard-linked to its name, which fails if the name exists (even if it appeared a moment ago). On any
 * failure the files created so far are removed again and the error is rethrown. Temps are always removed.
 */
export async function writeNewFiles(
  root: string,
  files: ReadonlyArray<{ readonly path: string; readonly contents: string }>,
): Promise<void> {
  const temps: string[] = [];
  const created: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const file of files) {
      const target = path.resolve(root, file.path);
      const made = await mkdir(path.dirname(target), { recursive: true });
      if (made !== undefined) createdDirs.push(made);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}${TEMP_SUFFIX}`);
      await writeFile(temp, file.contents, { encoding: 'utf8', flag: 'wx' });
      temps.push(temp);
    }
    for (const [i, file] of files.entries()) {
      const target = path.resolve(root, file.path);
      await linkNew(temps[i]!, target);
      created.push(target);
    }
  } catch (err) {
    for (const target of created) await rm(target, { force: true });
    for (const dir of createdDirs.reverse()) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  } finally {
    for (const temp of temps) await rm(temp, { force: true });
  }
}

/** `link()` refuses an existing target; where hard links are not supported, check and `rename()` instead. */
async function linkNew(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS'))
      throw err;
    if ((await existingFiles('/', [target])).length > 0) throw err;
    await rename(temp, target);
  }
}
