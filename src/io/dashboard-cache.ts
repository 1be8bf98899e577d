import path from 'node:path';
import type { DashboardRender } from '../build/dashboard-render.ts';
import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import { findDashboardFiles } from './find-dashboards.ts';
import { loadDashboards } from './load-dashboards.ts';
import type { ChangeBatch } from './watch-paths.ts';

/** A render the build cache gave back, with the files it was built from (as the cache names them). */
export interface ReusedRender {
  readonly render: DashboardRender;
  readonly inputs: readonly string[];
}

/**
 * Asks the build cache for the renders of `sources` it can give back (entries intact, inputs unchanged by content).
 */
export type CacheLookup = (sources: readonly string[]) => Promise<ReadonlyMap<string, ReusedRender>>;

export interface DashboardSources {
  /** Every dashboard source, sorted. */
  readonly files: readonly string[];
  /** Modules of the sources loaded in this process. */
  readonly loaded: LoadedDashboard[];
  /** Renders of the other sources, from the build cache (never loaded here). */
  readonly reused: DashboardRender[];
  /** How many sources this call loaded. */
  readonly reloaded: number;
}

/**
 * Keeps the dashboards of the last build, so a save reloads only the dashboard files that changed: each source is a
 * module loaded in this process, or a render the build cache gave back (`lookup`), which is never loaded. The first
 * build and any change outside plain dashboard files (shared `_lib/` code, `src/`, config, an unnamed change) ask
 * the cache again for every source and load what it cannot give back; without `lookup` they load everything.
 */
export class DashboardCache {
  private readonly loaded = new Map<string, LoadedDashboard>();
  private readonly reused = new Map<string, DashboardRender>();
  /** Every local file a dashboard imported (absolute paths), kept across failed loads so a fix is seen. */
  readonly inputs = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly lookup?: CacheLookup,
  ) {}

  /** Every dashboard source, loaded or reused, reloading what `changed` touched. */
  async load(changed: ChangeBatch): Promise<DashboardSources> {
    const files = await findDashboardFiles(this.root);
    const names = changed === 'unknown' ? undefined : changed;
    const known = (f: string) => this.loaded.has(f) || this.reused.has(f);
    const everything =
      (this.loaded.size === 0 && this.reused.size === 0) ||
      names === undefined ||
      [...names].some((p) => !isPlainDashboardPath(p));
    let stale = files.filter((f) => everything || !known(f) || names.has(f));
    if (everything && this.lookup && stale.length > 0) {
      const hits = await this.lookup(stale);
      for (const [file, hit] of hits) {
        this.loaded.delete(file);
        this.reused.set(file, hit.render);
        for (const input of hit.inputs) this.inputs.add(path.resolve(this.root, input));
      }
      stale = stale.filter((f) => !hits.has(f));
    }
    const fresh = await loadDashboards(this.root, stale, this.inputs);
    for (const entry of fresh) {
      this.reused.delete(entry.file);
      this.loaded.set(entry.file, entry);
    }
    const current = new Set(files);
    for (const map of [this.loaded, this.reused])
      for (const file of [...map.keys()]) if (!current.has(file)) map.delete(file);
    return {
      files,
      loaded: files.map((f) => this.loaded.get(f)).filter((e) => e !== undefined),
      reused: files.map((f) => this.reused.get(f)).filter((r) => r !== undefined),
      reloaded: stale.length,
    };
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
