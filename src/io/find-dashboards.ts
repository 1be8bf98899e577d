import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DASHBOARDS_DIR } from '../build/render-provisioning.ts';

/**
 * Every dashboard source below `<root>/dashboards`: `*.ts` files, except declaration and test files and anything
 * in or named with a leading `_` (shared code, e.g. `dashboards/_lib/`) or `.`. Posix paths relative to the root,
 * sorted. A missing `dashboards/` gives an empty list.
 */
export async function findDashboardFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), childRel);
      else if (isDashboardSource(entry.name)) out.push(childRel);
    }
  };
  await walk(path.join(root, DASHBOARDS_DIR), DASHBOARDS_DIR);
  return out.sort();
}

function isDashboardSource(name: string): boolean {
  return /\.(m?ts|tsx)$/.test(name) && !/\.d\.m?ts$/.test(name) && !/\.(test|spec)\.m?tsx?$/.test(name);
}
