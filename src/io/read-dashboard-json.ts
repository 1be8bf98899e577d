import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './list-files.ts';

/** Where built dashboards live below the root. */
export const PROVISIONED_DASHBOARDS_DIR = 'provisioning/dashboards';

/**
 * Every `*.json` file below `<root>/provisioning/dashboards` in the working tree, with its contents. Posix paths
 * relative to the root, sorted. A missing folder gives an empty list.
 */
export async function readDashboardJsonFiles(root: string): Promise<{ path: string; contents: string }[]> {
  const files = await listFiles(path.join(root, PROVISIONED_DASHBOARDS_DIR), {
    relPrefix: PROVISIONED_DASHBOARDS_DIR,
    include: (name) => name.endsWith('.json'),
  });
  return Promise.all(files.map(async (f) => ({ path: f.rel, contents: await readFile(f.abs, 'utf8') })));
}
