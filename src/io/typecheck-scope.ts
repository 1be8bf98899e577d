import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Type-script sources the compiler may read: any of these changing may change a type error somewhere. */
const SOURCE = /\.(ts|tsx|mts|cts)$/;
/** Files at the root that set up the check. */
const SETUP = /^(tsconfig.*\.json|package\.json)$/;

/**
 * Every file of the project the type check of its dashboards may depend on, beyond installed packages and
 * TypeScript itself (both in the cache's context): all TypeScript sources below the root (node_modules, dot-folders
 * and the output folders skipped) and the root's tsconfig and package.json. A superset on purpose: a type-only
 * import leaves no trace in the bundle, so the files a check read cannot be known without running it. Posix paths
 * relative to the root, sorted.
 */
export async function typecheckScope(root: string, outputRoots: readonly string[]): Promise<string[]> {
  const skip = new Set(outputRoots);
  const out: string[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.') || skip.has(childRel)) continue;
        await walk(path.join(abs, e.name), childRel);
      } else if (SOURCE.test(e.name) || (rel === '' && SETUP.test(e.name))) out.push(childRel);
    }
  };
  await walk(root, '');
  return out.sort();
}
