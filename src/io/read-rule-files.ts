import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './list-files.ts';

/** Where built Prometheus rule files live below the root. */
export const RULE_FILES_DIR = 'prometheus/rules';

/**
 * Every `*.yaml`/`*.yml` file below `<root>/prometheus/rules` in the working tree, with its contents. Posix paths
 * relative to the root, sorted. A missing folder gives an empty list.
 */
export async function readRuleFiles(root: string): Promise<{ path: string; contents: string }[]> {
  const files = await listFiles(path.join(root, RULE_FILES_DIR), {
    relPrefix: RULE_FILES_DIR,
    include: (name) => /\.ya?ml$/.test(name),
  });
  return Promise.all(files.map(async (f) => ({ path: f.rel, contents: await readFile(f.abs, 'utf8') })));
}
