import type { OutputFile } from '../model/output-file.ts';
import { readFilesAtRef } from './git.ts';

export interface CommittedDifference {
  readonly path: string;
  readonly status: 'not committed' | 'differs from commit' | 'committed but not built';
}

/**
 * Compares a fresh build with what is committed at `ref` (HEAD by default) under `provisioning/`: the check CI
 * runs so a pull request cannot merge .ts changes without their generated JSON. Paths relative to `root`.
 */
export async function compareWithCommitted(
  root: string,
  files: readonly OutputFile[],
  outDirs: string | readonly string[],
  ref = 'HEAD',
): Promise<CommittedDifference[]> {
  const dirs = typeof outDirs === 'string' ? [outDirs] : outDirs;
  const outDir = dirs[0]!;
  const committed = new Map<string, string>();
  for (const dir of dirs) for (const f of await readFilesAtRef(root, ref, dir, '')) committed.set(f.path, f.contents);
  const ruleDirs = dirs.slice(1);
  const out: CommittedDifference[] = [];
  const built = new Set<string>();
  for (const file of files) {
    built.add(file.path);
    const at = committed.get(file.path);
    if (at === undefined) out.push({ path: file.path, status: 'not committed' });
    else if (at !== file.contents) out.push({ path: file.path, status: 'differs from commit' });
  }
  for (const path of committed.keys()) {
    const output =
      (path.startsWith(`${outDir}/dashboards/`) && path.endsWith('.json')) ||
      ruleDirs.some((d) => path.startsWith(`${d}/`) && /\.ya?ml$/.test(path));
    if (!built.has(path) && output) out.push({ path, status: 'committed but not built' });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
