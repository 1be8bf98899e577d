import { DASHBOARDS_DIR } from '../model/project-layout.ts';
import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import type { OutputFile } from '../model/output-file.ts';
import type { PanelcraftConfig } from '../config/config.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { runRules } from '../validate/engine.ts';
import { analysisRun, type AnalysisRun } from '../validate/document-analysis.ts';
import type { DashboardDocument, RuleSettings } from '../validate/rule.ts';
import { prometheusVersionOf } from '../config/config.ts';
import { allRules } from '../validate/rules/index.ts';
import { applyRuleConfig, configuredDocument } from '../validate/rule-config.ts';
import { canonicalJson } from '../model/canonical-json.ts';
import { dashboardValue } from '../build/dashboard-value.ts';
import { normalizeDashboard } from '../build/normalize-dashboard.ts';
import { DATASOURCE_FILE, PROVIDER_FILE, datasourceYaml, providerYaml } from '../build/provisioning-yaml.ts';
import { schemaVersionFor } from '../model/grafana-version.ts';
import { stableUid } from '../model/stable-uid.ts';

export interface RenderedDashboard {
  /** The `.ts` source, relative to the root. */
  readonly source: string;
  readonly folder?: string;
  readonly uid: string;
  readonly dashboard: DashboardDocument['dashboard'];
  readonly output: string;
}

export interface TreeBuild {
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Remembers each loaded module's normalized dashboard and its own diagnostics, keyed by the loaded entry, so a
 * rebuild in `dev` only renders what was reloaded. Valid for one config; a different config renders everything.
 */
export type BuildMemo = WeakMap<LoadedDashboard, RenderedModule>;

interface RenderedModule {
  readonly configKey: string;
  readonly doc?: DashboardDocument;
  /** Canonical JSON of `doc.dashboard`. */
  readonly contents?: string;
  /** With `doc`: what the per-dashboard rules found (before the rule config); without: why it could not be loaded. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole provisioning tree from loaded dashboard modules: normalize each, run every rule on all of them, and
 * render the files. Pure: the same modules and config give the same bytes. Files are returned even when there are
 * errors; the caller writes nothing then.
 */
export function buildTree(loaded: readonly LoadedDashboard[], config: PanelcraftConfig, memo?: BuildMemo): TreeBuild {
  const diagnostics: Diagnostic[] = [];
  const version = schemaVersionFor(config.grafanaVersion);
  if (!version.ok) {
    diagnostics.push({
      rule: 'config',
      severity: 'error',
      file: 'panelcraft.yaml',
      pointer: '/grafanaVersion',
      message: version.message,
      fix: 'set grafanaVersion to the Grafana you run, e.g. "12.1"',
    });
  }
  const schemaVersion = version.ok ? version.schemaVersion : 0;
  const docs: DashboardDocument[] = [];
  const contents = new Map<DashboardDocument, string>();
  const configKey = memo ? JSON.stringify(config) : '';
  const settings = { origin: 'build', prometheusVersion: prometheusVersionOf(config) } as const;
  // Dashboards built from presets repeat their queries: each expression is parsed and checked once per build.
  const run = analysisRun(settings.prometheusVersion);
  const ruled: Diagnostic[] = [];
  for (const entry of [...loaded].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const cached = memo?.get(entry);
    const rendered =
      cached && cached.configKey === configKey
        ? cached
        : renderOne(entry, config, schemaVersion, settings, configKey, run);
    memo?.set(entry, rendered);
    if (rendered.doc) {
      docs.push(rendered.doc);
      contents.set(rendered.doc, rendered.contents!);
      ruled.push(...rendered.diagnostics);
    } else diagnostics.push(...rendered.diagnostics);
  }
  ruled.push(...runRules(docs, { dashboard: [], tree: allRules.tree }, settings));
  // The project's rule levels and exclusions apply to what rules found; loading and config problems always count.
  diagnostics.push(...applyRuleConfig(ruled, config, docs.map(configuredDocument)));
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
    ...dashboards.map((d, i) => ({ path: d.output, contents: contents.get(docs[i]!)! })),
  ];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), dashboards, diagnostics };
}

/** One dashboard: normalized, with the diagnostics of loading it and of every per-dashboard rule. */
function renderOne(
  entry: LoadedDashboard,
  config: PanelcraftConfig,
  schemaVersion: number,
  settings: RuleSettings,
  configKey: string,
  run: AnalysisRun,
): RenderedModule {
  const fail = (rule: string, message: string, fix: string) => ({
    configKey,
    diagnostics: [{ rule, severity: 'error' as const, file: entry.file, pointer: '', message, fix }],
  });
  if ('error' in entry) return fail('load', entry.error.message, entry.error.fix);
  const place = placeOf(entry.file);
  if (!place.ok) return fail('folder-depth', place.message, place.fix);
  const value = dashboardValue(entry.exported);
  if (!value.ok) return fail('load', value.message, value.fix);
  const derivedUid = stableUid(place.relative);
  const dashboard = normalizeDashboard(value.dashboard, {
    fallbackUid: derivedUid,
    schemaVersion,
    editable: config.editable,
    datasourceUid: config.datasource.uid,
    datasourceName: config.datasource.name,
  });
  const doc: DashboardDocument = {
    file: entry.file,
    ...(place.folder !== undefined ? { folder: place.folder } : {}),
    derivedUid,
    dashboard,
  };
  return {
    configKey,
    doc,
    contents: canonicalJson(dashboard),
    diagnostics: runRules([doc], { dashboard: allRules.dashboard, tree: [] }, settings, run),
  };
}

type Place =
  | { readonly ok: true; readonly folder?: string; readonly relative: string }
  | { readonly ok: false; readonly message: string; readonly fix: string };

/** Folder of `dashboards/<folder>/<name>.ts`; Grafana ≤ 12 keeps only one folder level (`foldersFromFilesStructure` in Grafana's `pkg/services/provisioning/dashboards/file_reader.go` uses only the parent folder's name). */
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
