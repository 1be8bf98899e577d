import path from 'node:path';
import type { PanelcraftConfig } from '../config/config.ts';
import { planWrites, type WritePlan } from '../build/plan-writes.ts';
import { renderProvisioning, type LoadedDashboard, type OutputFile, type RenderedDashboard, type RenderMemo } from '../build/render-provisioning.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../validate/diagnostic.ts';
import { findDashboardFiles } from './find-dashboards.ts';
import { loadConfig } from './load-config.ts';
import { loadDashboards } from './load-dashboards.ts';
import { applyPlan, outputRootProblems, readDiskState, type HashCache } from './write-tree.ts';

/** Output folder below the root; mounts unchanged as /etc/grafana/provisioning. */
export const OUT_DIR = 'provisioning';

export interface BuildProjectOptions {
  /** Folder holding `dashboards/` (and optionally `panelcraft.yaml`); output goes to `<root>/provisioning`. */
  readonly root: string;
  /** Settings instead of `<root>/panelcraft.yaml`. */
  readonly config?: PanelcraftConfig;
  /** Keeps rendered dashboards between builds of the same loaded modules (`dev`). */
  readonly memo?: RenderMemo;
}

export interface ProjectBuild {
  /** Output files, paths relative to the root (`provisioning/dashboards/<folder>/<uid>.json`). */
  readonly files: readonly OutputFile[];
  readonly dashboards: readonly RenderedDashboard[];
  readonly diagnostics: readonly Diagnostic[];
  readonly config: PanelcraftConfig;
  /** Milliseconds per stage, for `bench/` and `--json`. */
  readonly timings: Readonly<Record<'config' | 'load' | 'render', number>>;
}

/** Loads, normalizes and validates every dashboard of a project in memory. Writes nothing. */
export async function buildProject(options: BuildProjectOptions, loaded?: readonly LoadedDashboard[]): Promise<ProjectBuild> {
  const t0 = performance.now();
  const configResult = options.config ? { config: options.config, diagnostics: [] } : await loadConfig(options.root);
  const t1 = performance.now();
  const modules = loaded ?? (await loadDashboards(options.root, await findDashboardFiles(options.root)));
  const t2 = performance.now();
  const rendered = renderProvisioning(modules, configResult.config, options.memo);
  const t3 = performance.now();
  return {
    files: rendered.files.map((f) => ({ path: `${OUT_DIR}/${f.path}`, contents: f.contents })),
    dashboards: rendered.dashboards,
    diagnostics: sortDiagnostics([...configResult.diagnostics, ...rendered.diagnostics]),
    config: configResult.config,
    timings: { config: t1 - t0, load: t2 - t1, render: t3 - t2 },
  };
}

export interface WriteOutcome {
  readonly plan: WritePlan;
  /** Whether files were written (false on any error, and always with `check`). */
  readonly written: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Plans the write of a build into `<root>/provisioning` and, unless `check` or any error, carries it out.
 * All-or-nothing: an error in any dashboard, or a foreign or hand-edited file, writes nothing at all.
 */
export async function writeProject(
  root: string,
  build: ProjectBuild,
  options: { check?: boolean; force?: boolean; hashCache?: HashCache } = {},
): Promise<WriteOutcome> {
  const outDir = path.join(root, OUT_DIR);
  const files = build.files.map((f) => ({ path: f.path.slice(OUT_DIR.length + 1), contents: f.contents }));
  const rootProblems = await outputRootProblems(root, OUT_DIR);
  if (rootProblems.length > 0) {
    const plan = planWrites(files, { files: new Map() }, { outLabel: OUT_DIR });
    return { plan: { ...plan, writes: [], deletes: [] }, written: false, diagnostics: sortDiagnostics([...build.diagnostics, ...rootProblems]) };
  }
  const disk = await readDiskState(outDir, options.hashCache);
  const sources = new Map(build.dashboards.map((d) => [d.output, d.source]));
  const plan = planWrites(files, disk, { outLabel: OUT_DIR, sourceOf: (p) => sources.get(p), ...(options.force ? { force: true } : {}) });
  const diagnostics = sortDiagnostics([...build.diagnostics, ...plan.diagnostics]);
  if (options.check || hasErrors(diagnostics)) return { plan, written: false, diagnostics };
  await applyPlan(outDir, plan, disk.temps);
  return { plan, written: true, diagnostics };
}
