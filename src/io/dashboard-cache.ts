import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import { findDashboardFiles } from './find-dashboards.ts';
import { loadDashboards } from './load-dashboards.ts';
import type { ChangeBatch } from './watch-paths.ts';

/**
 * Keeps the loaded dashboard modules of the last build, so a save reloads only the dashboard files that changed.
 * Any change outside plain dashboard files (shared `_lib/` code, `src/`, config, an unnamed change) reloads all.
 */
export class DashboardCache {
  private readonly loaded = new Map<string, LoadedDashboard>();
  /** Every local file a dashboard imported (absolute paths), kept across failed loads so a fix is seen. */
  readonly inputs = new Set<string>();

  constructor(private readonly root: string) {}

  /** Loaded modules for every dashboard source, reloading what `changed` touched; also returns how many were reloaded. */
  async load(changed: ChangeBatch): Promise<{ loaded: LoadedDashboard[]; reloaded: number }> {
    const files = await findDashboardFiles(this.root);
    const names = changed === 'unknown' ? undefined : changed;
    const everything =
      this.loaded.size === 0 || names === undefined || [...names].some((p) => !isPlainDashboardPath(p));
    const stale = files.filter((f) => everything || !this.loaded.has(f) || names.has(f));
    const fresh = await loadDashboards(this.root, stale, this.inputs);
    for (const entry of fresh) this.loaded.set(entry.file, entry);
    const current = new Set(files);
    for (const file of [...this.loaded.keys()]) if (!current.has(file)) this.loaded.delete(file);
    return { loaded: files.map((f) => this.loaded.get(f)!).filter((e) => e !== undefined), reloaded: stale.length };
  }
}

/**
 * A changed path that cannot affect other dashboards: a folder, or a dashboard source (existing or deleted) outside
 * `_`-prefixed shared code. Shared code belongs in `dashboards/_lib/`; a dashboard importing another
 * dashboard file directly is not tracked.
 */
function isPlainDashboardPath(p: string): boolean {
  if (!p.startsWith('dashboards/')) return false;
  const parts = p.split('/');
  if (parts.some((s) => s.startsWith('_') || s.startsWith('.'))) return false;
  const name = parts.at(-1)!;
  if (!name.includes('.')) return true;
  return /\.(m?ts|tsx)$/.test(name) && !/\.d\.m?ts$/.test(name);
}
