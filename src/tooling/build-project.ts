import { ALERTS_DIR, OUT_DIR } from '../model/project-layout.ts';
import path from 'node:path';
import type { PanelcraftConfig } from '../config/config.ts';
import { planWrites, type FileStatus, type WritePlan } from '../build/plan-writes.ts';
import type { AlertsRenderResult, RenderedRuleFile } from './render-alerts.ts';
import type { BuildMemo } from './build-tree.ts';
import type { RenderedDashboard } from './tree-files.ts';
import { type DashboardRender, dashboardOutput } from '../build/dashboard-render.ts';
import type { DefaultExport, LoadedDashboard } from '../model/loaded-dashboard.ts';
import { RULES_EXPORT } from '../alerts/rule-file-value.ts';
import type { Loading } from '../io/load-dashboards.ts';
import type { OutputFile } from '../model/output-file.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { findDashboardFiles, findSourceFiles } from '../io/find-dashboards.ts';
import { loadConfig } from '../io/load-config.ts';
import { applyPlan, outputRootProblems, readDiskState, type HashCache } from '../io/write-tree.ts';
import type { OutputStage } from '../io/output-stage.ts';
import { KeptDiskState } from '../io/kept-disk-state.ts';
import { readGrafanaAlertingState } from '../io/read-grafana-alerting-state.ts';
import { checkTypes, programInputs, type TypeCheck } from './type-diagnostics.ts';
import { BuildCache, type CacheHit } from '../io/build-cache.ts';
import { outputFiles } from './cached-renders.ts';
import { typecheckScope } from '../io/typecheck-scope.ts';
import { buildRecord, recordedBuild } from './recorded-build.ts';

export { OUT_DIR };

export interface BuildProjectOptions {
  /** Folder holding `dashboards/` (and optionally `panelcraft.yaml`); output goes to `<root>/provisioning`. */
  readonly root: string;
  /** Settings instead of `<root>/panelcraft.yaml`. */
  readonly config?: PanelcraftConfig;
  /** Keeps rendered dashboards between builds of the same loaded modules (`dev`). */
  readonly memo?: BuildMemo;
  /**
   * With modules handed in (`dev`): the renders of the other dashboard sources, which the build cache gave back and
   * were never loaded. Each source is in the modules or here, never in both.
   */
  readonly reused?: readonly DashboardRender[];
  /** Loaded `alerts/` modules; loaded from disk when left out. */
  readonly alerts?: readonly LoadedDashboard[];
  /**
   * Type-check the dashboard sources with the project's tsconfig.json; each compiler error is an error diagnostic.
   * Only `dev --no-typecheck` turns it off. @default true
   */
  readonly typecheck?: boolean;
  /**
   * Where caches live (the build cache, and the type check's generated tsconfigs and incremental state).
   * @default `<root>/node_modules/.cache/panelcraft`
   */
  readonly cacheDir?: string;
  /** Dashboards per compiler program of the type check (tests, bench). @default SHARD_ROOTS */
  readonly typecheckShardRoots?: number;
  /** Stat-keyed hashes of input files kept between builds (`dev`), for the build cache's keys. */
  readonly inputHashes?: HashCache;
  /**
   * Leave storing into the build cache (entries, the record of the build, eviction) to the caller, who calls
   * `storeInCache` of the result once it has written the output: `dev` writes first, so a save is not kept waiting
   * while 1 000 entries are checked and the record is written. What is stored is the same either way.
   */
  readonly deferCacheWrites?: boolean;
  /**
   * The build cache: whether this build may store into it (off for a build of another revision that shares the
   * folder); `false` turns it off. A dashboard whose sources, imports, config and panelcraft are unchanged is not
   * loaded or rendered again, and a build with nothing changed loads nothing. @default on
   */
  readonly cache?: { readonly write?: boolean } | false;
  /**
   * Stop esbuild's process once every module is loaded, before rendering (`build` loads once; `dev` keeps it, as it
   * loads again on every save). @default false
   */
  readonly stopBundler?: boolean;
  /** Writes each rendered dashboard's file ahead into this stage, while the build goes on (`build` without `--check`). */
  readonly stage?: OutputStage;
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
  /** How the build cache served this build: dashboards reused and rendered, and whether the whole build was recorded. */
  readonly cache?: { readonly reused: number; readonly rendered: number; readonly recorded: boolean };
  /** Hashes of output files kept in the cache folder, for `writeProject`. */
  readonly outputHashes?: { readonly cache: HashCache; readonly save: (files: Iterable<string>) => void };
  /** What the build read of `provisioning/` (checking the record or the entries): the write plan starts from it. */
  readonly diskState?: KeptDiskState;
  /**
   * With `deferCacheWrites`: stores this build into the build cache (call it once, after writing), given what the
   * output folder holds now (`WriteOutcome.onDisk`): an entry whose output file holds its bytes keeps no copy of them.
   */
  readonly storeInCache?: (onDisk?: OutputHashes) => Promise<void>;
}

/** Loads, normalizes and validates every dashboard and alert source of a project in memory. Writes nothing. */
export async function buildProject(
  options: BuildProjectOptions,
  loaded?: readonly LoadedDashboard[],
): Promise<ProjectBuild> {
  // The type check's compiler is a child process: a build that returns or fails before it answered stops it.
  const stopCheck = new AbortController();
  try {
    return await buildWithCheck(options, loaded, stopCheck.signal);
  } finally {
    stopCheck.abort();
  }
}

async function buildWithCheck(
  options: BuildProjectOptions,
  loaded: readonly LoadedDashboard[] | undefined,
  stopCheck: AbortSignal,
): Promise<ProjectBuild> {
  const t0 = performance.now();
  const typecheck = options.typecheck !== false;
  const configResult = options.config ? { config: options.config, diagnostics: [] } : await loadConfig(options.root);
  const config = configResult.config;
  const t1 = performance.now();
  const files = loaded
    ? mergeSorted(
        loaded.map((m) => m.file),
        (options.reused ?? []).map((r) => r.file),
      )
    : await findDashboardFiles(options.root);
  const cache =
    options.cache === false
      ? undefined
      : BuildCache.open(options.root, config, {
          ...(options.cacheDir !== undefined ? { dir: options.cacheDir } : {}),
          ...(options.cache?.write === false ? { write: false } : {}),
          ...(options.inputHashes ? { inputHashes: options.inputHashes } : {}),
        });
  // A build handed its modules (`dev`) neither asks the record nor looks up entries: it keeps its own output hashes.
  const hashCache = loaded ? undefined : cache?.readHashCache();
  const outputHashes =
    cache && hashCache
      ? { cache: hashCache, save: (files: Iterable<string>) => cache.writeHashCache(hashCache, files) }
      : undefined;
  const alertsLoading = options.alerts
    ? Promise.resolve(options.alerts)
    : findSourceFiles(options.root, ALERTS_DIR).then((f: string[]) => loadDashboards(options.root, f, RULES_EXPORT));
  let scanning: Promise<string[]> | undefined;
  const scan = () => (scanning ??= typecheck ? typecheckScope(options.root, outputRoots(config)) : Promise.resolve([]));
  const startCheck = (): Promise<TypeCheck | undefined> => {
    // A program whose kept answer holds is not run again (one file changed: its program only).
    const reuse = cache ? scan().then((list) => programInputs(cache, list)) : undefined;
    reuse?.catch(() => {}); // awaited by the check, only when it has a kept answer to compare
    const check = checkTypes(options.root, files, {
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      ...(options.typecheckShardRoots === undefined ? {} : { maxRoots: options.typecheckShardRoots }),
      concurrentWhenWarm: true,
      signal: stopCheck,
      ...(reuse ? { reuse } : {}),
    });
    check.catch(() => {}); // awaited below; a failure before that must not count as unhandled
    return check;
  };
  // When a source changed after the record of the last build was written (by mtime: a guess), the record will not
  // answer: the compiler starts before this thread scans and hashes (now, or in a cold build once esbuild is done,
  // below). If the record answers after all, the compiler is stopped when this build returns.
  const changed = typecheck && cache && !loaded && !cache.recordNewerThan(files);
  // Without any record (a cold cache) every source will most likely be loaded: esbuild starts bundling them now, while
  // this thread scans and asks the cache (what the cache gives back after all is dropped from the load).
  const loading =
    changed && files.length > 0 && !cache!.hasRecord()
      ? await startLoad(options.root, files, stopCheck, options.stopBundler === true)
      : undefined;
  // A cold build starts the compiler once esbuild has bundled every group, so the two never hold their memory at
  // once. At 1 000 dashboards the tree's peak had been this process (~100 MB), the compiler (~110 MB) and esbuild
  // (~70-90 MB) together, 275-307 MB; now it is this process and the compiler while the render runs, 279-286 MB (the
  // bench's medians, with V8's heap flags of bin/panelcraft.js and the smaller last program of typecheck-shards.ts).
  // Both cores are busy either way, so the order costs no time (medians of 6 alternating cold builds at 1 000: 3 148
  // against 3 103 ms before), and the memory it frees is spent on fewer collections in both Go processes
  // (BUNDLER_GOGC, COMPILER_GOGC).
  const early = !changed
    ? undefined
    : loading
      ? loading.bundled.then(() => (stopCheck.aborted ? undefined : startCheck()))
      : startCheck();
  early?.catch(() => {}); // awaited below; a failure before that must not count as unhandled
  // A build that checks the record or the entries reads `provisioning/` for that; its write plan starts from there.
  const diskState = cache && !loaded ? KeptDiskState.forOneBuild(path.join(options.root, OUT_DIR)) : undefined;
  const fast =
    cache && !loaded
      ? await recordedBuild(options.root, cache, config, {
          typecheck,
          sources: files,
          scan: await scan(),
          hashCache: outputHashes!.cache,
          disk: diskState!,
        })
      : undefined;
  if (fast) {
    cache?.saveInputHashes();
    const t2 = performance.now();
    const alertModules = await alertsLoading;
    if (options.stopBundler) await stopBundler();
    const alerts = await renderProjectAlerts(options.root, alertModules, fast.dashboards, config);
    const t3 = performance.now();
    return {
      files: [...fast.files.map((f) => underOutDir(f)), ...alerts.files],
      dashboards: fast.dashboards,
      ruleFiles: alerts.ruleFiles,
      diagnostics: sortDiagnostics([...configResult.diagnostics, ...fast.diagnostics, ...alerts.diagnostics]),
      config,
      timings: { config: t1 - t0, typecheck: 0, load: t2 - t1, render: t3 - t2 },
      cache: { reused: fast.dashboards.length, rendered: 0, recorded: true },
      ...(outputHashes ? { outputHashes } : {}),
      ...(diskState ? { diskState } : {}),
    };
  }
  // The compiler checks in its own process (TypeScript 7, on the other core) while this thread reads the cache,
  // esbuild bundles in its own process and this thread renders.
  const typeErrors = early ?? (typecheck ? startCheck() : Promise.resolve(undefined));
  const hits = new Map<string, CacheHit>();
  if (cache && !loaded) {
    const outputs = await outputFiles(options.root, outputHashes!.cache, diskState);
    for (const file of files) {
      const hit = cache.lookup(file, outputs);
      if (hit) hits.set(file, hit);
    }
  }
  const misses = files.filter((f) => !hits.has(f));
  const { TreeRender } = await import('./build-tree.ts');
  const tree = new TreeRender(config, options.memo, [
    ...[...hits.values()].map((h) => h.render),
    ...(loaded ? (options.reused ?? []) : []),
  ]);
  let renderMs = 0;
  // Rendering yields every RENDER_SLICE_MS: esbuild's answers and the compiler's exit (the next program starts then)
  // are handled by this thread too, and would otherwise wait for the whole render (~0.3-0.5 s at 1 000 dashboards).
  const render = async (group: readonly LoadedDashboard[]) => {
    let start = performance.now();
    for (const module of group) {
      const made = tree.add(module);
      if (made && options.stage) options.stage.add(dashboardOutput(made.folder, made.uid), made.contents);
      const now = performance.now();
      if (now - start < RENDER_SLICE_MS) continue;
      renderMs += now - start;
      await new Promise(setImmediate);
      start = performance.now();
    }
    renderMs += performance.now() - start;
  };
  // A load started early hands on each group as soon as it is imported: this thread renders it while esbuild bundles
  // the next groups, instead of waiting for them idle.
  let modules: readonly LoadedDashboard[];
  if (loaded) await render((modules = loaded));
  else if (loading) modules = await loading.load(misses, render);
  else await render((modules = await loadDashboards(options.root, misses)));
  const alertModules = await alertsLoading;
  if (options.stopBundler) await stopBundler();
  const t3 = performance.now();
  const rendered = tree.finish();
  const alerts = await renderProjectAlerts(options.root, alertModules, rendered.dashboards, config);
  const t4 = performance.now();
  const types = await typeErrors;
  const storeInCache = async (onDisk?: OutputHashes) => {
    if (!cache) return;
    const inputsOf = new Map(modules.map((m) => [m.file, 'exported' in m ? m.inputs : undefined]));
    const entries = new Map([...hits].map(([file, hit]) => [file, { key: hit.key, inputs: hit.inputs }]));
    for (const render of rendered.rendered) {
      const inputs = inputsOf.get(render.file);
      if (inputs === undefined) continue;
      const held = onDisk?.get(dashboardOutput(render.folder, render.uid)) === render.sha256;
      entries.set(render.file, cache.store(render, inputs, held));
    }
    // Only a build that could be answered by a record writes one: `dev` (handed its modules, no type check) never
    // reads it, and no other build matches a record without the type check.
    if (!loaded)
      cache.writeRecord(
        buildRecord(cache, {
          typecheck,
          sources: files,
          // Every file the type check may read now and every file it did read (also outside the root).
          scan: [...new Set([...(await scan()), ...(types?.read ?? [])])],
          dashboards: rendered.dashboards,
          files: rendered.files,
          entries,
          diagnostics: [...(types?.diagnostics ?? []), ...rendered.diagnostics],
        }),
      );
    cache.saveIndex(files);
    cache.evict(files);
    cache.saveInputHashes();
  };
  const deferred = options.deferCacheWrites === true && cache !== undefined;
  if (!deferred) await storeInCache();
  return {
    files: [...rendered.files.map((f) => underOutDir(f)), ...alerts.files],
    dashboards: rendered.dashboards,
    ruleFiles: alerts.ruleFiles,
    diagnostics: sortDiagnostics([
      ...configResult.diagnostics,
      ...(types?.diagnostics ?? []),
      ...rendered.diagnostics,
      ...alerts.diagnostics,
    ]),
    config,
    // The modules are rendered as they are loaded: the load's time is without those renders.
    timings: { config: t1 - t0, typecheck: types?.ms ?? 0, load: t3 - t1 - renderMs, render: renderMs + t4 - t3 },
    ...(cache
      ? {
          cache: {
            reused: hits.size + (loaded ? (options.reused?.length ?? 0) : 0),
            rendered: rendered.rendered.length,
            recorded: false,
          },
        }
      : {}),
    ...(outputHashes ? { outputHashes } : {}),
    ...(diskState ? { diskState } : {}),
    ...(deferred ? { storeInCache } : {}),
  };
}

/** Longest stretch of rendering without yielding to the event loop. */
const RENDER_SLICE_MS = 10;

/** The loader, once a load needed it. */
let loader: Promise<typeof import('../io/load-dashboards.ts')> | undefined;

/** Loads modules with esbuild (imported on first use: a build served by the cache never needs it). */
async function loadDashboards(
  root: string,
  files: readonly string[],
  expects?: DefaultExport,
): Promise<LoadedDashboard[]> {
  if (files.length === 0) return [];
  loader ??= import('../io/load-dashboards.ts');
  return (await loader).loadDashboards(root, files, undefined, undefined, expects);
}

/**
 * Starts loading `files` before the cache said which it cannot give back (dropped once `signal` aborts unused): by the
 * time the caller resumes, esbuild's process runs and has the first bundle to make.
 */
async function startLoad(
  root: string,
  files: readonly string[],
  signal: AbortSignal,
  stopBundlerWhenBundled: boolean,
): Promise<Loading> {
  loader ??= import('../io/load-dashboards.ts');
  return (await loader).startLoad(root, files, { signal, stopBundlerWhenBundled });
}

/** Stops esbuild's process, if a load of this process started it. */
async function stopBundler(): Promise<void> {
  if (loader) await (await loader).stopBundler();
}

/** Two sorted lists as one (a sort of 5 000 paths on every `dev` save cost more than this walk). */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/** `f` with its path below the project root (kept per file: `dev` hands on the same 5 000 files after a save). */
function underOutDir(f: OutputFile): OutputFile {
  let under = underOutDirs.get(f);
  if (under === undefined) underOutDirs.set(f, (under = withPath(f, `${OUT_DIR}/${f.path}`)));
  return under;
}

const underOutDirs = new WeakMap<OutputFile, OutputFile>();

async function renderProjectAlerts(
  root: string,
  alertModules: readonly LoadedDashboard[],
  dashboards: readonly RenderedDashboard[],
  config: PanelcraftConfig,
): Promise<AlertsRenderResult> {
  const previous = await readGrafanaAlertingState(root);
  const none = previous.ours.size === 0 && previous.foreign.length === 0 && previous.lost.length === 0;
  // No alert sources and no alerting files from before: no rule files and nothing to delete. The rule-file checks
  // (and their PromQL parser) are then not even loaded.
  if (alertModules.length === 0 && none) return { files: [], ruleFiles: [], diagnostics: [] };
  const { renderAlerts } = await import('./render-alerts.ts');
  return renderAlerts(alertModules, dashboards, config, previous);
}

/** sha256 of the files of `provisioning/`, by path below it. */
export type OutputHashes = ReadonlyMap<string, string>;

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
  /**
   * The files of `provisioning/` after this call, with their sha256 (as read before the write, and what it wrote):
   * the build cache keeps no copy of bytes an output file holds.
   */
  readonly onDisk: OutputHashes;
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
  options: {
    check?: boolean;
    force?: boolean;
    hashCache?: HashCache;
    /** The output folders as the last save left them (`dev`): only what changes is checked on disk. */
    kept?: KeptDiskState;
    /** Files of `provisioning/` the build staged (`buildProject`'s `stage`): moved into place when they are due. */
    stage?: OutputStage;
  } = {},
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
    } else byRoot.get(outRoot)!.push(belowRoot(f, outRoot));
  }
  const sources = new Map(build.dashboards.map((d) => [d.output, d.source]));
  const ruleSources = new Map(build.ruleFiles.map((f) => [f.output, f.source]));
  const plans = new Map<string, { plan: WritePlan; temps: readonly string[] }>();
  const hashCache = options.hashCache ?? build.outputHashes?.cache;
  const kept = options.kept ?? build.diskState;
  const seen: string[] = [];
  const onDisk = new Map<string, string>();
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
    const disk = kept
      ? await kept.read(path.join(root, outRel), files, hashCache)
      : await readDiskState(path.join(root, outRel), hashCache);
    if (options.hashCache === undefined)
      for (const file of disk.files.keys()) seen.push(path.join(root, outRel, ...file.split('/')));
    if (outRel === OUT_DIR) for (const [file, hash] of disk.files) onDisk.set(file, hash);
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
  if (options.hashCache === undefined) build.outputHashes?.save(seen);
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
  if (options.check || hasErrors(diagnostics)) return { ...outcome, written: false, onDisk };
  const staged = await options.stage?.settle();
  for (const [outRel, { plan, temps }] of plans) {
    await applyPlan(path.join(root, outRel), plan, temps, outRel === OUT_DIR ? staged : undefined);
    kept?.wrote(path.join(root, outRel), plan);
    if (outRel !== OUT_DIR) continue;
    for (const file of plan.writes) onDisk.set(file.path, plan.manifest.get(file.path)![0]!);
    for (const file of plan.deletes) onDisk.delete(file);
  }
  return { ...outcome, written: true, onDisk };
}

/** `f` with its path below its output root `outRoot` (kept per file, as `underOutDir`). */
function belowRoot(f: OutputFile, outRoot: string): OutputFile {
  const known = belowRoots.get(f);
  if (known?.outRoot === outRoot) return known.file;
  const file = withPath(f, f.path.slice(outRoot.length + 1));
  belowRoots.set(f, { outRoot, file });
  return file;
}

const belowRoots = new WeakMap<OutputFile, { readonly outRoot: string; readonly file: OutputFile }>();

/** `f` at another path; its contents stay lazy when they are. */
function withPath(f: OutputFile, at: string): OutputFile {
  return {
    path: at,
    get contents() {
      return f.contents;
    },
    ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {}),
  };
}
