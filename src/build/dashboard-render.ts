import type { Diagnostic } from '../model/diagnostic.ts';
import type { JsonObject, JsonValue } from '../model/json.ts';

/**
 * One dashboard source, rendered and checked on its own: everything later stages of a build read of it. The build
 * cache stores exactly this (with `contents` as the body), so a cached dashboard and a freshly rendered one are the
 * same value. Cross-dashboard checks never live here: they run over the `summary` of every dashboard, every build.
 */
export interface DashboardRender {
  /** The `.ts` source, relative to the root. */
  readonly file: string;
  readonly folder?: string;
  /** The uid the build derives from the source path. */
  readonly derivedUid: string;
  /** `String(dashboard.uid)`: names the output file. */
  readonly uid: string;
  /** The output file's bytes: canonical JSON of the normalized dashboard. */
  readonly contents: string;
  /** sha256 of `contents`. */
  readonly sha256: string;
  /** What the per-dashboard rules found, at their own severities (the rule config applies later, to all). */
  readonly diagnostics: readonly Diagnostic[];
  /** What the tree rules and the rule config read of the dashboard: its `title` and `uid` as normalized. */
  readonly summary: DashboardSummary;
  /** False when the dashboard nests too deep to be checked (`json-too-deep`): the tree rules skip it. */
  readonly treeChecked: boolean;
}

/** The top-level fields of a dashboard that checks across dashboards read (uid and title uniqueness, folder clash). */
export interface DashboardSummary {
  readonly title?: JsonValue;
  readonly uid?: JsonValue;
}

/** The fields of `dashboard` that `DashboardSummary` keeps. */
export function summaryOf(dashboard: JsonObject): DashboardSummary {
  return {
    ...(dashboard.title !== undefined ? { title: dashboard.title } : {}),
    ...(dashboard.uid !== undefined ? { uid: dashboard.uid } : {}),
  };
}

/** Where a dashboard's file goes below `provisioning/`. */
export function dashboardOutput(folder: string | undefined, uid: string): string {
  const name = `${uid}.json`;
  return folder === undefined ? `dashboards/${name}` : `dashboards/${folder}/${name}`;
}
