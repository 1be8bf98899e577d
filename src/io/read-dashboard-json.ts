import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where built dashboards live below the root. */
export const PROVISIONED_DASHBOARDS_DIR = 'provisioning/dashboards';

/**
 * Every `*.json` file below `<root>/provisioning/dashboards` in the working tree, with its contents. Posix paths
 * relative to the root, sorted. A missing folder gives an empty list.
 */
export async function readDashboardJsonFiles(root: string): Promise<{ path: string; contents: string }[]> {
  const out: { path: string; contents: string }[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(child, childRel);
      else if (entry.isFile() && entry.name.endsWith('.json')) out.push({ path: childRel, contents: await readFile(child, 'utf8') });
    }
  };
  await walk(path.join(root, PROVISIONED_DASHBOARDS_DIR), PROVISIONED_DASHBOARDS_DIR);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
