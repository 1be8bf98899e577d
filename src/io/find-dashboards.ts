import path from 'node:path';
import { DASHBOARDS_DIR } from '../model/project-layout.ts';
import { listFiles } from './list-files.ts';

/**
 * Every dashboard source below `<root>/dashboards`: `*.ts` files, except declaration and test files and anything
 * in or named with a leading `_` (shared code, e.g. `dashboards/_lib/`) or `.`. Posix paths relative to the root,
 * sorted. A missing `dashboards/` gives an empty list.
 */
export async function findDashboardFiles(root: string): Promise<string[]> {
  return findSourceFiles(root, DASHBOARDS_DIR);
}

/** The same for any source folder below the root, e.g. `alerts/`. */
export async function findSourceFiles(root: string, dir: string): Promise<string[]> {
  const shared = (name: string) => name.startsWith('_') || name.startsWith('.') || name === 'node_modules';
  const files = await listFiles(path.join(root, dir), {
    relPrefix: dir,
    descend: (name) => !shared(name),
    include: (name) => !shared(name) && isDashboardSource(name),
  });
  return files.map((f) => f.rel);
}

function isDashboardSource(name: string): boolean {
  return /\.(m?ts|tsx)$/.test(name) && !/\.d\.m?ts$/.test(name) && !/\.(test|spec)\.m?tsx?$/.test(name);
}
