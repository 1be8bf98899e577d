import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './list-files.ts';

/** Where built Prometheus rule files live below the root by default (`alerts.dir` in panelcraft.yaml). */
export const RULE_FILES_DIR = 'prometheus/rules';

/**
 * Every `*.yaml`/`*.yml` file below `<root>/<dir>` in the working tree, with its contents. Posix paths
 * relative to the root, sorted. A missing folder gives an empty list.
 */
export async function readRuleFiles(
  root: string,
  dir: string = RULE_FILES_DIR,
): Promise<{ path: string; contents: string }[]> {
  const files = await listFiles(path.join(root, dir), {
    relPrefix: dir,
    include: (name) => /\.ya?ml$/.test(name),
  });
  return Promise.all(files.map(async (f) => ({ path: f.rel, contents: await readFile(f.abs, 'utf8') })));
}
