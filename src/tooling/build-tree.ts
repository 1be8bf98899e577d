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
import { applyRuleConfig, type ConfiguredDocument, configuredDocument } from '../validate/rule-config.ts';
import { canonicalJson } from '../model/canonical-json.ts';
import { dashboardValue } from '../build/dashboard-value.ts';
import { normalizeOwnedDashboard } from '../build/normalize-dashboard.ts';
import { type RenderedDashboard, renderedDashboard, treeFiles } from './tree-files.ts';
import { schemaVersionFor } from '../model/grafana-version.ts';
import { stableUid } from '../model/stable-uid.ts';
import type { JsonObject } from '../model/json.ts';
import { sha256 } from '../build/manifest.ts';
import { summaryOf, type DashboardRender } from '../build/dashboard-render.ts';
import { tooDeepAt } from '../validate/json-depth.ts';

export type { RenderedDashboard };

export interface TreeBuild {
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  readonly diagnostics: readonly Diagnostic[];
  /** The dashboards rendered by this call (not the reused ones, nor those the memo held), for the build cache. */
  readonly rendered: readonly DashboardRender[];
}

/**
 * Remembers each loaded module's render and its own diagnostics, keyed by the loaded entry, so a rebuild in `dev`
 * only renders what was reloaded. Valid for one config; a different config renders everything.
 */
export type BuildMemo = WeakMap<LoadedDashboard, RenderedModule>;

interface RenderedModule {
  readonly configKey: string;
  /** The render, or, without it, why the module could not be rendered. */
  readonly render?: DashboardRender;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The whole provisioning tree from loaded dashboard modules and from renders reused from the build cache: render
 * each loaded module, run the checks across dashboards over all of them, apply the rule config, and lay out the
 * files. Pure: the same modules, renders and config give the same bytes. Files are returned even when there are
 * errors; the caller writes nothing then. `reused` must not name a file `loaded` has.
 */
export function buildTree(
  loaded: readonly LoadedDashboard[],
  config: PanelcraftConfig,
  memo?: BuildMemo,
  reused: readonly DashboardRender[] = [],
): TreeBuild {
  const tree = new TreeRender(config, memo, reused);
  for (const entry of loaded) tree.add(entry);
  return tree.finish();
}

/**
 * `buildTree` one module at a time, for a caller that renders each group of modules as it is loaded: the same
 * result, whatever the order and grouping of `add` calls (`finish` sorts by file).
 */
export class TreeRender {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly schemaVersion: number;
  private readonly configKey: string;
  private readonly settings: RuleSettings;
  /** Dashboards built from presets repeat their queries: an expression two dashboards hold is parsed and checked once. */
  private readonly run: AnalysisRun;
  private readonly units: { file: string; render?: DashboardRender; failed?: readonly Diagnostic[] }[];
  private readonly rendered: DashboardRender[] = [];

  constructor(
    private readonly config: PanelcraftConfig,
    private readonly memo?: BuildMemo,
    reused: readonly DashboardRender[] = [],
  ) {
    const version = schemaVersionFor(config.grafanaVersion);
    if (!version.ok) {
      this.diagnostics.push({
        rule: 'config',
        severity: 'error',
        file: 'panelcraft.yaml',
        pointer: '/grafanaVersion',
        message: version.message,
        fix: 'set grafanaVersion to the Grafana you run, e.g. "12.1"',
      });
    }
    this.schemaVersion = version.ok ? version.schemaVersion : 0;
    this.configKey = memo ? JSON.stringify(config) : '';
    this.settings = { origin: 'build', prometheusVersion: prometheusVersionOf(config) };
    this.run = analysisRun(this.settings.prometheusVersion);
    this.units = reused.map((r) => ({ file: r.file, render: r }));
  }

  /** Renders one loaded module (or takes it from the memo); returns the render this call made, if it made one. */
  add(entry: LoadedDashboard): DashboardRender | undefined {
    const { memo, configKey } = this;
    const cached = memo?.get(entry);
    const remembered = cached !== undefined && cached.configKey === configKey;
    const module = remembered
      ? cached
      : renderOne(entry, this.config, this.schemaVersion, this.settings, configKey, this.run);
    memo?.set(entry, module);
    if (module.render) {
      this.units.push({ file: entry.file, render: module.render });
      // A render the memo gave back was this build's once already: `dev` stores only what a save rendered.
      if (remembered) return undefined;
      this.rendered.push(module.render);
      return module.render;
    }
    this.units.push({ file: entry.file, failed: module.diagnostics });
    return undefined;
  }

  /** The checks across dashboards, the rule config and the files; called once, after the last `add`. */
  finish(): TreeBuild {
    const { units, diagnostics, config, settings, memo } = this;
    units.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const renders: DashboardRender[] = [];
    const ruled: Diagnostic[] = [];
    for (const unit of units) {
      if (unit.render) {
        renders.push(unit.render);
        ruled.push(...unit.render.diagnostics);
      } else diagnostics.push(...unit.failed!);
    }
    ruled.push(...treeFindings(renders.filter((r) => r.treeChecked).map(treeDocument), settings, memo));
    // The project's rule levels and exclusions apply to what rules found; loading and config problems always count.
    diagnostics.push(...applyRuleConfig(ruled, config, renders.map(configuredOf)));
    const dashboards = renders.map(dashboardOf);
    const files = treeFiles(config, renders.map(outputFileOf));
    return { files, dashboards, diagnostics, rendered: this.rendered };
  }
}

/** The last run of the tree rules with a memo (`dev`): the documents it checked and what it found. */
const lastTreeRuns = new WeakMap<
  BuildMemo,
  { readonly docs: readonly DashboardDocument[]; readonly settings: string; readonly found: readonly Diagnostic[] }
>();

/**
 * What the checks across dashboards find in `docs`. They read only each document's place and summary, so when those
 * are what the last run with `memo` checked (a save that left every title, uid and folder as it was), its findings
 * are the answer and the rules do not run over all dashboards again.
 */
function treeFindings(docs: readonly DashboardDocument[], settings: RuleSettings, memo?: BuildMemo) {
  const last = memo && lastTreeRuns.get(memo);
  const key = JSON.stringify(settings);
  if (last && last.settings === key && sameTreeDocuments(last.docs, docs)) return last.found;
  const found = runRules(docs, { dashboard: [], tree: allRules.tree }, settings);
  if (memo) lastTreeRuns.set(memo, { docs, settings: key, found });
  return found;
}

function sameTreeDocuments(a: readonly DashboardDocument[], b: readonly DashboardDocument[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.file !== y.file || x.folder !== y.folder || x.derivedUid !== y.derivedUid) return false;
    const keys = Object.keys(x.dashboard);
    if (keys.length !== Object.keys(y.dashboard).length) return false;
    if (keys.some((k) => !Object.is(x.dashboard[k], y.dashboard[k]))) return false;
  }
  return true;
}

/** Per render, what the build hands on for it (kept: `dev` hands on the same 4 999 renders after a one-file save). */
const configuredDocuments = new WeakMap<DashboardRender, ConfiguredDocument>();
const renderedDashboards = new WeakMap<DashboardRender, RenderedDashboard>();
const outputFiles = new WeakMap<DashboardRender, OutputFile>();

function configuredOf(render: DashboardRender): ConfiguredDocument {
  let doc = configuredDocuments.get(render);
  if (doc === undefined) configuredDocuments.set(render, (doc = configuredDocument(treeDocument(render))));
  return doc;
}

function dashboardOf(render: DashboardRender): RenderedDashboard {
  let dashboard = renderedDashboards.get(render);
  if (dashboard === undefined)
    renderedDashboards.set(render, (dashboard = renderedDashboard(render, () => render.contents)));
  return dashboard;
}

function outputFileOf(render: DashboardRender): OutputFile {
  let file = outputFiles.get(render);
  if (file === undefined) {
    file = {
      path: dashboardOf(render).output,
      get contents() {
        return render.contents; // a reused render reads its bytes only when they are needed
      },
      sha256: render.sha256,
    };
    outputFiles.set(render, file);
  }
  return file;
}

/**
 * What the tree rules and the rule config see of each render, kept per render: `dev` checks the same 999 renders
 * again after a one-file save. Read-only to every rule.
 */
const treeDocuments = new WeakMap<DashboardRender, DashboardDocument>();

/** What the tree rules and the rule config see of a dashboard: its place and its summary fields, never more. */
function treeDocument(render: DashboardRender): DashboardDocument {
  let doc = treeDocuments.get(render);
  if (doc === undefined) {
    doc = newTreeDocument(render);
    treeDocuments.set(render, doc);
  }
  return doc;
}

function newTreeDocument(render: DashboardRender): DashboardDocument {
  return {
    file: render.file,
    ...(render.folder !== undefined ? { folder: render.folder } : {}),
    derivedUid: render.derivedUid,
    dashboard: { ...render.summary } as JsonObject,
  };
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
  const dashboard = normalizeOwnedDashboard(value.dashboard, {
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
  const contents = canonicalJson(dashboard);
  // One walk for the depth the rules and the tree checks need (each walked the dashboard again before: ~25 ms each at
  // 1 000 dashboards).
  const deep = tooDeepAt(dashboard);
  return {
    configKey,
    render: {
      file: entry.file,
      ...(place.folder !== undefined ? { folder: place.folder } : {}),
      derivedUid,
      uid: String(dashboard.uid),
      contents,
      sha256: sha256(contents),
      diagnostics: runRules([doc], { dashboard: allRules.dashboard, tree: [] }, settings, run, () => deep),
      summary: summaryOf(dashboard),
      treeChecked: deep === undefined,
    },
    diagnostics: [],
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
