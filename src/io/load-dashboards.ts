import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';
import { DASHBOARD_EXPORT, describe } from '../build/dashboard-value.ts';
import type { DefaultExport, LoadedDashboard } from '../model/loaded-dashboard.ts';
import {
  type BundleResult,
  BundlerResolver,
  bundleAliased,
  bundleFiles,
  stopBundlerWhenIdle,
} from './bundle-dashboards.ts';

export { stopBundler } from './bundle-dashboards.ts';
import { inOrderAhead } from './in-order-ahead.ts';
import { PackageResolutions } from './package-resolutions.ts';

/**
 * Loads dashboard modules in this process, LOAD_GROUP files per esbuild bundle and import: a generated entry maps each
 * dashboard file of a group to a lazy `import()`, which esbuild turns into a lazily initialised module inside the
 * group's bundle, so each dashboard runs (and may throw) on its own while code shared within a group runs once.
 * esbuild bundles one group at a time, each as soon as the one before is done, up to BUNDLES_AHEAD groups ahead of
 * the one imported; groups are imported in order. npm packages stay external and are imported by absolute path;
 * panelcraft's own source is bundled so edits to it are picked up by `dev`.
 * The first group of a root whose packages this process does not know yet is small (FIRST_GROUP) and bundled with a
 * plugin that resolves each bare import; later groups are bundled without it, each name mapped to the file the plugin
 * found (`bundleAliased`), and checked to import exactly that.
 * A file that fails to compile, throws or exports the wrong thing becomes an error entry; the others still load.
 */
export async function loadDashboards(
  rootDir: string,
  files: readonly string[],
  inputs?: Set<string>,
  /** Dashboards per bundle (tests make groups small). */
  groupSize = LOAD_GROUP,
  /** What each module must default-export (`alerts/` loads rule groups). */
  expects: DefaultExport = DASHBOARD_EXPORT,
): Promise<LoadedDashboard[]> {
  if (files.length === 0) return [];
  return startLoad(rootDir, files, { ...(inputs ? { inputs } : {}), groupSize, expects }).load(files);
}

/** A load whose bundling started before the caller knew which of its files it needs (`startLoad`). */
export interface Loading {
  /**
   * Settles once esbuild has bundled every group, or once this load stopped bundling (dropped, closed, or asked for
   * other files): what must wait for esbuild's process to be done starts then. Never rejects.
   */
  readonly bundled: Promise<void>;
  /**
   * The modules of `needed`: the load's files, or some of them in their order. When they are all needed, the bundles
   * made so far are used; otherwise those are dropped and `needed` loads on its own. Called once. `each` is handed
   * the modules of each group as soon as they are loaded, in order, and awaited before the next group is imported (a
   * build renders them while esbuild bundles the next groups); the promise resolves once all are.
   */
  load(
    needed: readonly string[],
    each?: (modules: readonly LoadedDashboard[]) => void | Promise<void>,
  ): Promise<LoadedDashboard[]>;
}

export interface LoadOptions {
  /** Collects the absolute paths of the local files the bundles read (npm packages excluded), also on failure. */
  readonly inputs?: Set<string>;
  /** Dashboards per bundle (tests make groups small). @default LOAD_GROUP */
  readonly groupSize?: number;
  /** Once aborted, a load not yet asked for drops its bundles and temp folder. */
  readonly signal?: AbortSignal;
  /**
   * Stop esbuild's process as soon as the last group is bundled, before its modules are imported (`build`, which
   * loads once): its ~120-190 MB are gone before the build renders the last groups. A group that must be bundled again
   * (a compile error, a thrown error to locate) starts it again.
   */
  readonly stopBundlerWhenBundled?: boolean;
  /** What each module must default-export. @default DASHBOARD_EXPORT */
  readonly expects?: DefaultExport;
}

/**
 * Starts loading `files`: esbuild bundles the first groups now, while the caller finds out what it needs (`build` of
 * a cold cache starts this before asking the cache, which then has nothing to give back) and calls `load`.
 */
export function startLoad(rootDir: string, files: readonly string[], options: LoadOptions = {}): Loading {
  return new DashboardLoad(path.resolve(rootDir), files, options);
}

type Bundled = { readonly g: number; readonly group: readonly string[]; readonly bundled: BundleResult };

class DashboardLoad implements Loading {
  private readonly packages: PackageResolutions;
  private readonly resolver: BundlerResolver;
  private readonly outdir: string;
  private readonly bundles: AsyncGenerator<Bundled, void, undefined>;
  private readonly first: Promise<IteratorResult<Bundled, void>>;
  /** The bundle under way (or the last one), settled or not: the temp folder goes once it settled. */
  private chain: Promise<unknown> = Promise.resolve();
  private claimed = false;
  private bundledAll!: () => void;
  readonly bundled = new Promise<void>((resolve) => (this.bundledAll = resolve));

  constructor(
    private readonly root: string,
    private readonly files: readonly string[],
    private readonly options: LoadOptions,
  ) {
    this.packages = new PackageResolutions(root);
    this.resolver = new BundlerResolver(root);
    // Made now, so the first bundle starts in the next microtask (esbuild's process with it).
    this.outdir = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-load-'));
    const groupSize = options.groupSize ?? LOAD_GROUP;
    const learning = this.packages.aliases().size === 0;
    const groups: (readonly string[])[] = [];
    const first = learning ? Math.min(FIRST_GROUP, groupSize) : groupSize;
    if (files.length > 0) groups.push(files.slice(0, first));
    for (let at = first; at < files.length; at += groupSize) groups.push(files.slice(at, at + groupSize));
    const bundle = (group: readonly string[], into: string) =>
      bundleFiles(root, group, into, false, this.packages, options.inputs);
    // Stopping esbuild once it has bundled every group, it bundles them all without waiting for the imports.
    const ahead = options.stopBundlerWhenBundled ? Math.max(1, groups.length) : BUNDLES_AHEAD;
    this.bundles = inOrderAhead(groups.length, ahead, (g) => {
      const group = groups[g]!;
      const bundled = this.chain.then(async (): Promise<Bundled> => {
        const into = path.join(this.outdir, `group-${g}`);
        const made =
          g === 0 && learning
            ? await bundle(group, into)
            : ((await bundleAliased(root, group, into, this.packages, this.resolver, options.inputs)) ??
              (await bundle(group, into)));
        if (g === groups.length - 1) {
          if (options.stopBundlerWhenBundled) {
            await this.resolver.dispose().catch(() => {}); // reopened if a later question needs it
            stopBundlerWhenIdle();
          }
          this.bundledAll();
        }
        return { g, group, bundled: made };
      });
      this.chain = bundled.catch(() => {});
      return bundled;
    });
    this.first = this.bundles.next(); // starts the first bundles now
    this.first.catch(() => {}); // awaited by `load`
    options.signal?.addEventListener('abort', () => void this.drop(), { once: true });
  }

  async load(
    needed: readonly string[],
    each?: (modules: readonly LoadedDashboard[]) => void | Promise<void>,
  ): Promise<LoadedDashboard[]> {
    if (this.claimed) throw new Error('loadDashboards: a load is used once');
    this.claimed = true;
    if (needed.length !== this.files.length || needed.some((f, i) => f !== this.files[i])) {
      const [loaded] = await Promise.all([
        needed.length === 0
          ? []
          : loadDashboards(this.root, needed, this.options.inputs, this.options.groupSize, this.options.expects),
        this.close(),
      ]);
      await each?.(loaded);
      return loaded;
    }
    try {
      const out: LoadedDashboard[] = [];
      for (let next = await this.first; !next.done; next = await this.bundles.next()) {
        const modules = await this.loaded(next.value, this.outdir);
        await each?.(modules);
        out.push(...modules);
      }
      return out;
    } finally {
      await this.close();
    }
  }

  /** The modules of one bundled group; a group that does not compile is bundled again file by file. */
  private async loaded({ g, group, bundled }: Bundled, outdir: string): Promise<LoadedDashboard[]> {
    const { root, packages } = this;
    const expects = this.options.expects ?? DASHBOARD_EXPORT;
    if (bundled.ok) return importBundle(root, group, bundled, outdir, packages, expects);
    // Some file of the group does not compile: bundle each file alone so one bad file cannot hide the others.
    return Promise.all(
      group.map(async (file, i): Promise<LoadedDashboard> => {
        const into = path.join(outdir, `single-${g}-${i}`);
        const single = await bundleFiles(root, [file], into, false, packages, this.options.inputs);
        return single.ok
          ? (await importBundle(root, [file], single, outdir, packages, expects))[0]!
          : { file, error: { message: single.message, fix: 'fix the syntax error at the position shown' } };
      }),
    );
  }

  /** Drops a load nobody asked for. */
  private async drop(): Promise<void> {
    if (this.claimed) return;
    this.claimed = true;
    await this.close();
  }

  /** Stops bundling, waits for the bundle under way, and removes the temp folder. */
  private async close(): Promise<void> {
    await this.bundles.return(undefined).catch(() => {});
    await this.chain;
    this.bundledAll();
    await this.resolver.dispose();
    await rm(this.outdir, { recursive: true, force: true });
  }
}

/**
 * Dashboards per bundle. One module holding thousands of lazily compiled dashboards costs more than linear time to
 * import (each function compiled on first call resolves its names in the module's scope of every dashboard's
 * bindings): 5 000 dashboards took 4.1 s of CPU to import as one bundle, 1.7 s as bundles of 500, at 1 000 dashboards
 * 0.6 s as one bundle and 0.45 s as bundles of 250. Code shared by the dashboards of two groups runs once per group,
 * which a dashboard cannot tell: each is a pure function of its sources (docs/build-cache.md), and the build cache
 * already renders any subset of them on its own.
 */
const LOAD_GROUP = 250;

/**
 * Groups started and not yet imported, at most: the one imported next and two after it. esbuild bundles them one at a
 * time (its process grows with the groups it bundles at once: all 20 groups of 5 000 dashboards at once held
 * 0.96-1.19 GB at the tree's peak; two at a time 130-170 MB at 1 000), so this bounds only how far it runs ahead of
 * the imports: two groups ahead it keeps bundling while this thread imports a group.
 */
const BUNDLES_AHEAD = 3;

/**
 * Dashboards in the first group of a load whose root has no package resolutions this process knows: that group is
 * bundled with the resolving plugin, and what it resolved lets the next groups be bundled without it. Small, so the
 * next group waits little for it, and this thread starts importing early.
 */
const FIRST_GROUP = 25;

async function importBundle(
  root: string,
  files: readonly string[],
  bundle: { readonly file: string; readonly metafile: esbuild.Metafile | undefined },
  outdir: string,
  packages: PackageResolutions,
  expects: DefaultExport,
): Promise<LoadedDashboard[]> {
  const { modules } = (await import(pathToFileURL(bundle.file).href)) as {
    modules: Record<string, () => Promise<Record<string, unknown>>>;
  };
  const inputsOf = bundle.metafile ? localInputs(root, bundle.metafile) : undefined;
  const out: LoadedDashboard[] = [];
  for (const file of files) {
    const result = await evaluate(file, modules[file]!, expects);
    // A failure's position is only worth a second, source-mapped bundle of that one file.
    if ('thrown' in result) out.push({ file, error: await locateError(root, file, result.thrown, outdir, packages) });
    else if ('exported' in result && inputsOf) out.push({ ...result, inputs: inputsOf(file) });
    else out.push(result);
  }
  return out;
}

/**
 * Per dashboard file, every local file (npm packages excluded) its code was bundled from, itself included: the
 * transitive closure of its imports in esbuild's metafile. The build cache keys a dashboard by these files' contents.
 */
function localInputs(root: string, metafile: esbuild.Metafile): (file: string) => string[] {
  const local = (key: string) => {
    if (key.startsWith('<') || (key.includes(':') && !path.isAbsolute(key))) return undefined;
    const abs = path.resolve(root, key);
    return abs.split(path.sep).includes('node_modules') ? undefined : abs;
  };
  const byAbs = new Map<string, string>();
  for (const key of Object.keys(metafile.inputs)) {
    const abs = local(key);
    if (abs !== undefined) byAbs.set(abs, key);
  }
  return (file) => {
    const start = path.resolve(root, file);
    const seen = new Set<string>([start]);
    const stack = [start];
    while (stack.length > 0) {
      const key = byAbs.get(stack.pop()!);
      for (const imported of key === undefined ? [] : (metafile.inputs[key]?.imports ?? [])) {
        if (imported.external) continue;
        const abs = local(imported.path);
        if (abs === undefined || seen.has(abs)) continue;
        seen.add(abs);
        stack.push(abs);
      }
    }
    return [...seen].sort();
  };
}

type Evaluated =
  | LoadedDashboard
  | { readonly file: string; readonly thrown: { readonly err: unknown; readonly what: string } };

async function evaluate(
  file: string,
  load: () => Promise<Record<string, unknown>>,
  expects: DefaultExport,
): Promise<Evaluated> {
  let mod: Record<string, unknown>;
  try {
    mod = await load();
  } catch (err) {
    return { file, thrown: { err, what: 'threw while loading' } };
  }
  if (!('default' in mod) || mod.default === undefined) {
    const named = Object.keys(mod);
    const found =
      named.length > 0
        ? `found named export${named.length > 1 ? 's' : ''} ${named.map((n) => `\`${n}\``).join(', ')}`
        : 'it exports nothing';
    return {
      file,
      error: {
        message: `must \`export default\` ${expects.what} (${found})`,
        fix: `${expects.fix}; a file of code shared by others belongs in a folder whose name starts with "_" (such as _lib/), which is never loaded on its own`,
      },
    };
  }
  let value: unknown = mod.default;
  try {
    if (typeof value === 'function' && !('build' in value)) value = await (value as () => unknown)();
    else if (value instanceof Promise) value = await value;
  } catch (err) {
    return { file, thrown: { err, what: `default export ${describe(mod.default)} threw` } };
  }
  return { file, exported: value };
}

/** Re-runs one failed dashboard from a source-mapped bundle to say where in the `.ts` file the error was thrown. */
async function locateError(
  root: string,
  file: string,
  thrown: { err: unknown; what: string },
  outdir: string,
  packages: PackageResolutions,
): Promise<{ message: string; fix: string }> {
  const fix = 'fix the error at the position shown';
  const message = `${thrown.what}: ${errorText(thrown.err)}`;
  process.setSourceMapsEnabled(true);
  const mapped = await bundleFiles(
    root,
    [file],
    path.join(outdir, `mapped-${path.basename(file)}-${Date.now()}`),
    true,
    packages,
  );
  if (!mapped.ok) return { message, fix };
  const { modules } = (await import(pathToFileURL(mapped.file).href)) as {
    modules: Record<string, () => Promise<Record<string, unknown>>>;
  };
  const again = await evaluate(file, modules[file]!, DASHBOARD_EXPORT); // only where it throws is read
  return { message: `${message}${'thrown' in again ? whereInSource(root, again.thrown.err, file) : ''}`, fix };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** ` (at dashboards/x.ts:12:5)`: the first stack frame in the dashboard's own source. */
function whereInSource(root: string, err: unknown, file: string): string {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const abs = path.join(root, file);
  const frame = stack.split('\n').find((line) => line.includes(abs));
  const match = frame ? /:(\d+):(\d+)\)?$/.exec(frame) : null;
  return match ? ` (at ${file}:${match[1]}:${match[2]})` : '';
}
