import { isJsonObject, stringAt, type JsonObject } from '../model/json.ts';

/** One dashboard file of a set. */
export interface DashboardEntry {
  /** Posix path relative to the project root, e.g. `provisioning/dashboards/go/overview.json`. */
  readonly file: string;
  readonly dashboard: JsonObject;
}

/** Dashboards keyed by identity: the uid, or the file path when the dashboard has no uid. */
export type DashboardSet = ReadonlyMap<string, DashboardEntry>;

/** A file that could not be read as a dashboard. */
export interface UnreadableFile {
  readonly file: string;
  readonly message: string;
}

export interface DashboardSetResult {
  readonly set: DashboardSet;
  readonly unreadable: readonly UnreadableFile[];
}

/**
 * Parses dashboard files into a set. Files are taken in path order so a duplicated uid is resolved the same way
 * every time: the first file keeps the uid, later ones are keyed by their path.
 */
export function dashboardSetFromFiles(
  files: readonly { readonly path: string; readonly contents: string }[],
): DashboardSetResult {
  const set = new Map<string, DashboardEntry>();
  const unreadable: UnreadableFile[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, contents } of sorted) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(contents);
    } catch (err) {
      unreadable.push({ file: path, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    if (!isJsonObject(parsed)) {
      unreadable.push({ file: path, message: 'not a dashboard: the top level is not a JSON object' });
      continue;
    }
    const dashboard = parsed as JsonObject;
    const uid = stringAt(dashboard, 'uid');
    const key = uid !== undefined && uid !== '' && !set.has(uid) ? uid : path;
    set.set(key, { file: path, dashboard });
  }
  return { set, unreadable };
}
