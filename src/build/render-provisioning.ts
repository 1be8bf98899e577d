import type { PanelcraftConfig } from '../config/config.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { runRules } from '../validate/engine.ts';
import type { DashboardDocument } from '../validate/rule.ts';
import { allRules } from '../validate/rules/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { dashboardValue } from './dashboard-value.ts';
import { normalizeDashboard } from './normalize-dashboard.ts';
import { DATASOURCE_FILE, PROVIDER_FILE, datasourceYaml, providerYaml } from './provisioning-yaml.ts';
import { schemaVersionFor } from './schema-version.ts';
import { stableUid } from './stable-uid.ts';

/** One dashboard module as the loader found it. */
export type LoadedDashboard =
  | { readonly file: string; readonly exported: unknown }
  | { readonly file: string; readonly error: { readonly message: string; readonly fix: string } };

/** A file of the provisioning tree; `path` is relative to `provisioning/`, posix separators. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

export interface RenderedDashboard {
  /** The `.ts` source, relative to the root. */
  readonly source: string;
  readonly folder?: string;
  readonly uid: string;
  readonly dashboard: DashboardDocument['dashboard'];
  readonly output: string;
}

export interface RenderResult {
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Where dashboards live below the root; the folder name below it is the Grafana folder title. */
export const DASHBOARDS_DIR = 'dashboards';

/**
 * The whole provisioning tree from loaded dashboard modules: normalize each, run every rule on all of them, and
 * render the files. Pure: the same modules and config give the same bytes. Files are returned even when there are
 * errors; the caller writes nothing then.
 */
export function renderProvisioning(loaded: readonly LoadedDashboard[], config: PanelcraftConfig): RenderResult {
  const diagnostics: Diagnostic[] = [];
  const version = schemaVersionFor(config.grafanaVersion);
  if (!version.ok) {
    diagnostics.push({ rule: 'config', severity: 'error', file: 'panelcraft.yaml', pointer: '/grafanaVersion', message: version.message, fix: 'set grafanaVersion to the Grafana you run, e.g. "12.1"' });
  }
  const schemaVersion = version.ok ? version.schemaVersion : 0;
  const docs: DashboardDocument[] = [];
  for (const entry of [...loaded].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if ('error' in entry) {
      diagnostics.push({ rule: 'load', severity: 'error', file: entry.file, pointer: '', message: entry.error.message, fix: entry.error.fix });
      continue;
    }
    const place = placeOf(entry.file);
    if (!place.ok) {
      diagnostics.push({ rule: 'folder-depth', severity: 'error', file: entry.file, pointer: '', message: place.message, fix: place.fix });
      continue;
    }
    const value = dashboardValue(entry.exported);
    if (!value.ok) {
      diagnostics.push({ rule: 'load', severity: 'error', file: entry.file, pointer: '', message: value.message, fix: value.fix });
      continue;
    }
    const dashboard = normalizeDashboard(value.dashboard, {
      fallbackUid: stableUid(place.relative),
      schemaVersion,
      editable: config.editable,
      datasourceUid: config.datasource.uid,
      datasourceName: config.datasource.name,
    });
    docs.push({ file: entry.file, ...(place.folder !== undefined ? { folder: place.folder } : {}), dashboard });
  }
  diagnostics.push(...runRules(docs, allRules, { origin: 'build' }, config));
  const dashboards: RenderedDashboard[] = docs.map((doc) => {
    const uid = String(doc.dashboard.uid);
    const name = `${uid}.json`;
    return {
      source: doc.file,
      ...(doc.folder !== undefined ? { folder: doc.folder } : {}),
      uid,
      dashboard: doc.dashboard,
      output: doc.folder === undefined ? `dashboards/${name}` : `dashboards/${doc.folder}/${name}`,
    };
  });
  const files: OutputFile[] = [
    { path: PROVIDER_FILE, contents: providerYaml(config) },
    { path: DATASOURCE_FILE, contents: datasourceYaml(config) },
    ...dashboards.map((d) => ({ path: d.output, contents: canonicalJson(d.dashboard) })),
  ];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), dashboards, diagnostics };
}

type Place =
  | { readonly ok: true; readonly folder?: string; readonly relative: string }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/** Folder of `dashboards/<folder>/<name>.ts`; Grafana ≤ 12 keeps only one folder level (reference §2.2). */
function placeOf(file: string): Place {
  const relative = file.startsWith(`${DASHBOARDS_DIR}/`) ? file.slice(DASHBOARDS_DIR.length + 1) : file;
  const parts = relative.split('/');
  if (parts.length === 1) return { ok: true, relative };
  if (parts.length === 2) return { ok: true, folder: parts[0]!, relative };
  return {
    ok: false,
    message: `${file} is ${parts.length - 1} folders deep; Grafana ≤ 12 flattens folders to the last one ("${parts[parts.length - 2]}"), merging unrelated dashboards`,
    fix: `move it to ${DASHBOARDS_DIR}/<folder>/${parts[parts.length - 1]} (one folder level), or put shared code in a folder starting with "_"`,
  };
}
