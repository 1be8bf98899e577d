import { OUT_DIR } from '../model/project-layout.ts';
import path from 'node:path';
import type { PanelcraftConfig } from '../config/config.ts';
import { planWrites, type FileStatus, type WritePlan } from '../build/plan-writes.ts';
import { ALERTS_DIR, renderAlerts, type RenderedRuleFile } from './render-alerts.ts';
import { buildTree, type RenderedDashboard, type BuildMemo } from './build-tree.ts';
import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import type { OutputFile } from '../model/output-file.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { findDashboardFiles, findSourceFiles } from '../io/find-dashboards.ts';
import { loadConfig } from '../io/load-config.ts';
import { loadDashboards } from '../io/load-dashboards.ts';
import { applyPlan, outputRootProblems, readDiskState, type HashCache } from '../io/write-tree.ts';
import { readGrafanaAlertingState } from '../io/read-grafana-alerting-state.ts';
import { typecheckThread } from '../io/typecheck-thread.ts';
import { checkTypes, type TypeCheck } from './type-diagnostics.ts';

export { OUT_DIR };

export interface BuildProjectOptions {
  /** Folder holding `dashboards/` (and optionally `panelcraft.yaml`); output goes to `<root>/provisioning`. */
  readonly root: string;
  /** Settings instead of `<root>/panelcraft.yaml`. */
  readonly config?: PanelcraftConfig;
  /** Keeps rendered dashboards between builds of the same loaded modules (`dev`). */
  readonly memo?: BuildMemo;
  /** Loaded `alerts/` modules; loaded from disk when left out. */
  readonly alerts?: readonly LoadedDashboard[];
  /**
   * Type-check the dashboard sources with the project's tsconfig.json; each compiler error is an error diagnostic.
   * Only `dev --no-typecheck` turns it off. @default true
   */
  readonly typecheck?: boolean;
  /** Where caches live. @default `<root>/node_modules/.cache/panelcraft` */
  readonly cacheDir?: string;
}

export interface ProjectBuild {
  /** Output files, paths relative to the root (`provisioning/dashboards/<folder>/<uid>.json`, `prometheus/rules/…`). */
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  /** The rule files of `alerts/`, rendered. */
  readonly ruleFiles: readonly RenderedRuleFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly config: PanelcraftConfig;
  /** Milliseconds per stage, for `bench/` and `--json`. */
  readonly timings: Readonly<Record<'config' | 'load' | 'typecheck' | 'render', number>>;
}

/** Loads, normalizes and validates every dashboard and alert source of a project in memory. Writes nothing. */
export async function buildProject(
  options: BuildProjectOptions,
  loaded?: readonly LoadedDashboard[],
): Promise<ProjectBuild> {
  const t0 = performance.now();
  if (options.typecheck !== false) typecheckThread(); // starts loading the compiler on its thread now
  const configResult = options.config ? { config: options.config, diagnostics: [] } : await loadConfig(options.root);
  const t1 = performance.now();
  const files = loaded ? loaded.map((m) => m.file) : await findDashboardFiles(options.root);
  const loading = loaded ?? loadDashboards(options.root, files);
  // The compiler checks on its own thread while the sources load and render here.
  const typeErrors: Promise<TypeCheck | undefined> =
    options.typecheck === false ? Promise.resolve(undefined) : checkTypes(options.root, files, options.cacheDir);
  typeErrors.catch(() => {}); // awaited below; a failure before that must not count as unhandled
  const modules = await loading;
  const alertModules =
    options.alerts ?? (await loadDashboards(options.root, await findSourceFiles(options.root, ALERTS_DIR)));
  const t3 = performance.now();
  const rendered = buildTree(modules, configResult.config, options.memo);
  const previous = await readGrafanaAlertingState(options.root);
  const alerts = renderAlerts(alertModules, rendered.dashboards, configResult.config, previous);
  const t4 = performance.now();
  const types = await typeErrors;
  return {
    files: [...rendered.files.map((f) => ({ path: `${OUT_DIR}/${f.path}`, contents: f.contents })), ...alerts.files],
    dashboards: rendered.dashboards,
    ruleFiles: alerts.ruleFiles,
    diagnostics: sortDiagnostics([
      ...configResult.diagnostics,
      ...(types?.diagnostics ?? []),
      ...rendered.diagnostics,
      ...alerts.diagnostics,
    ]),
    config: configResult.config,
    timings: { config: t1 - t0, typecheck: types?.ms ?? 0, load: t3 - t1, render: t4 - t3 },
  };
}

export interface WriteOutcome {
  /** The plan for `provisioning/`. */
  readonly plan: WritePlan;
  /** The plan of every output root, by its path below the root. */
  readonly plans: ReadonlyMap<string, WritePlan>;
  /** Every difference from the fresh build over all roots, paths relative to the project root. */
  readonly changes: readonly { readonly path: string; readonly status: FileStatus }[];
  /** Files written and deleted over all roots. */
  readonly writes: number;
  readonly deletes: number;
  /** Whether files were written (false on any error, and always with `check`). */
  readonly written: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Folders below the root that a build writes, each with its own manifest; every output file must lie in one.
 * The writer's containment checks and its all-or-nothing rule hold for the set: an error in any root writes none.
 */
export const OUTPUT_ROOTS: readonly string[] = [OUT_DIR];

/** The output roots of a build with `config`: `provisioning/` and the Prometheus rules folder (`alerts.dir`). */
export function outputRoots(config: PanelcraftConfig): string[] {
  return [...OUTPUT_ROOTS, config.alerts.dir];
}

/**
 * Plans the write of a build into its output roots and, unless `check` or any error, carries it out.
 * All-or-nothing: an error in any dashboard, a bad output name, a link in an output tree, or a foreign or
 * hand-edited file writes nothing at all.
 */
export async function writeProject(
  root: string,
  build: ProjectBuild,
  options: { check?: boolean; force?: boolean; hashCache?: HashCache } = {},
): Promise<WriteOutcome> {
  const problems: Diagnostic[] = [];
  const roots = outputRoots(build.config);
  const byRoot = new Map<string, OutputFile[]>(roots.map((r) => [r, []]));
  for (const f of build.files) {
    const outRoot = roots.find((r) => f.path.startsWith(`${r}/`));
    if (outRoot === undefined) {
      problems.push({
        rule: 'output-path',
        severity: 'error',
        file: f.path,
        pointer: '',
        message: `${JSON.stringify(f.path)} is outside the output folders (${roots.join(', ')}); panelcraft writes nowhere else`,
        fix: 'this is a bug in panelcraft: please report it',
      });
    } else byRoot.get(outRoot)!.push({ path: f.path.slice(outRoot.length + 1), contents: f.contents });
  }
  const sources = new Map(build.dashboards.map((d) => [d.output, d.source]));
  const ruleSources = new Map(build.ruleFiles.map((f) => [f.output, f.source]));
  const plans = new Map<string, { plan: WritePlan; temps: readonly string[] }>();
  for (const [outRel, files] of byRoot) {
    const rootProblems = await outputRootProblems(root, outRel);
    if (rootProblems.length > 0) {
      problems.push(...rootProblems);
      plans.set(outRel, {
        plan: { ...planWrites(files, { files: new Map() }, { outLabel: outRel }), writes: [], deletes: [] },
        temps: [],
      });
      continue;
    }
    const disk = await readDiskState(path.join(root, outRel), options.hashCache);
    if (outRel !== OUT_DIR && files.length === 0 && disk.manifest === undefined) continue; // no rules now, none before
    const sourceOf =
      outRel === OUT_DIR ? (p: string) => sources.get(p) : (p: string) => ruleSources.get(`${outRel}/${p}`);
    const plan = planWrites(files, disk, {
      outLabel: outRel,
      sourceOf,
      ...(options.force ? { force: true } : {}),
    });
    problems.push(...plan.diagnostics);
    plans.set(outRel, { plan, temps: disk.temps });
  }
  const diagnostics = sortDiagnostics([...build.diagnostics, ...problems]);
  const all = [...plans].map(([dir, { plan }]) => ({ dir, plan }));
  const outcome = {
    plan: plans.get(OUT_DIR)!.plan,
    plans: new Map(all.map(({ dir, plan }) => [dir, plan])),
    changes: all.flatMap(({ dir, plan }) => plan.changes.map((c) => ({ path: `${dir}/${c.path}`, status: c.status }))),
    writes: all.reduce((n, p) => n + p.plan.writes.length, 0),
    deletes: all.reduce((n, p) => n + p.plan.deletes.length, 0),
    diagnostics,
  };
  if (options.check || hasErrors(diagnostics)) return { ...outcome, written: false };
  for (const [outRel, { plan, temps }] of plans) await applyPlan(path.join(root, outRel), plan, temps);
  return { ...outcome, written: true };
}
