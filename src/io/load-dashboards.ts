import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { EXPORT_FIX, describe } from '../build/dashboard-value.ts';
import type { LoadedDashboard } from '../model/loaded-dashboard.ts';
import { aliasedBundleDifference } from './aliased-bundle-check.ts';
import { inOrderAhead } from './in-order-ahead.ts';
import { PackageResolutions, type Resolver } from './package-resolutions.ts';
import { PACKAGE_ENTRY } from './package-root.ts';

const ENTRY = 'panelcraft-dashboards-entry';

/**
 * Loads dashboard modules in this process, LOAD_GROUP files per esbuild bundle and import: a generated entry maps each
 * dashboard file of a group to a lazy `import()`, which esbuild turns into a lazily initialised module inside the
 * group's bundle, so each dashboard runs (and may throw) on its own while code shared within a group runs once.
 * Groups are imported in order, each as soon as it is bundled, while the next group bundles (BUNDLES_AHEAD). npm
 * packages stay external and are imported by absolute path; panelcraft's own source is bundled so edits to it are
 * picked up by `dev`.
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
): Promise<LoadedDashboard[]> {
  if (files.length === 0) return [];
  const root = path.resolve(rootDir);
  const packages = new PackageResolutions(root);
  const resolver = new BundlerResolver(root);
  const bundle = (r: string, f: readonly string[], outdir: string, sourcemap: boolean) =>
    bundleFiles(r, f, outdir, sourcemap, packages, inputs);
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-'));
  try {
    const learning = packages.aliases().size === 0;
    const groups: string[][] = [];
    const first = learning ? Math.min(FIRST_GROUP, groupSize) : groupSize;
    groups.push(files.slice(0, first));
    for (let at = first; at < files.length; at += groupSize) groups.push(files.slice(at, at + groupSize));
    let learnt: Promise<unknown> = Promise.resolve();
    const bundles = inOrderAhead(groups.length, BUNDLES_AHEAD, async (g) => {
      const group = groups[g]!;
      const into = path.join(outdir, `group-${g}`);
      if (g === 0 && learning) {
        const bundled = bundle(root, group, into, false);
        learnt = bundled;
        return { g, group, bundled: await bundled };
      }
      await learnt.catch(() => {}); // the first group's resolutions, to map names to their files
      const bundled =
        (await bundleAliased(root, group, into, packages, resolver, inputs)) ??
        (await bundle(root, group, into, false));
      return { g, group, bundled };
    });
    const out: LoadedDashboard[] = [];
    for await (const { g, group, bundled } of bundles) {
      if (bundled.ok) {
        out.push(...(await importBundle(root, group, bundled, outdir, packages)));
        continue;
      }
      // Some file of the group does not compile: bundle each file alone so one bad file cannot hide the others.
      const singles = await Promise.all(
        group.map(async (file, i): Promise<LoadedDashboard> => {
          const single = await bundle(root, [file], path.join(outdir, `single-${g}-${i}`), false);
          return single.ok
            ? (await importBundle(root, [file], single, outdir, packages))[0]!
            : { file, error: { message: single.message, fix: 'fix the syntax error at the position shown' } };
        }),
      );
      out.push(...singles);
    }
    return out;
  } finally {
    await resolver.dispose();
    await rm(outdir, { recursive: true, force: true });
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
 * Groups bundled and not yet imported, at most: the group being imported (or awaited) and the next one. esbuild's
 * process grows with the groups it bundles at once: bundling all 20 groups of 5 000 dashboards at once, it held
 * 0.96-1.19 GB at the tree's peak (cold type-checked build, installed CLI). Two at a time, it held 130-170 MB at the
 * peak of 1 000 dashboards (4 groups), before its GOGC was lowered.
 */
const BUNDLES_AHEAD = 2;

/**
 * Dashboards in the first group of a load whose root has no package resolutions this process knows: that group is
 * bundled with the resolving plugin, and what it resolved lets the next groups be bundled without it. Small, so the
 * next group waits little for it, and this thread starts importing early.
 */
const FIRST_GROUP = 25;

/**
 * Stops esbuild's process (`build`, once every module is loaded; a later load starts it again). `dev` keeps it: it
 * bundles on every save.
 */
export function stopBundler(): Promise<void> {
  return esbuild.stop();
}

/**
 * The Go collector's target for esbuild's process: collect once the heap grew by 50 % over what survived (Go's default
 * is 100 %); most of what esbuild allocates for a group is garbage once the group is written. Cold type-checked build
 * of 1 000 dashboards (installed CLI, load ~3, median of 3): esbuild at the tree's peak 165 -> 124 MB, tree 479 ->
 * 432 MB, wall 5.26 -> 5.23 s, load stage ~+10 %. GOGC=25 gave 81 MB and a tree of 367 MB, but its load stage took
 * ~25 % longer and the wall 5.3 -> 6.0 s. A GOGC the user set is kept.
 */
const BUNDLER_GOGC = '50';

/**
 * Runs an esbuild call with GOGC set while it may start esbuild's process: the JS API spawns it, with this process's
 * environment, synchronously inside its first call. The environment is restored right after, so nothing else this
 * process starts (the type check's compiler is Go too) inherits it.
 */
function withBundlerGoGc<T>(call: () => T): T {
  if (process.env.GOGC !== undefined) return call();
  process.env.GOGC = BUNDLER_GOGC;
  try {
    return call();
  } finally {
    delete process.env.GOGC;
  }
}

type BundleResult = { ok: true; file: string; metafile: esbuild.Metafile | undefined } | { ok: false; message: string };

/** What every bundle of dashboards is built with, resolving plugin or aliases aside. */
function bundleOptions(root: string, files: readonly string[], outfile: string, sourcemap: boolean) {
  const entry = `export const modules = {\n${files.map((f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(path.join(root, f))}),`).join('\n')}\n};\n`;
  return {
    metafile: true,
    absWorkingDir: root,
    stdin: { contents: entry, resolveDir: root, sourcefile: ENTRY, loader: 'js' },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    ...(sourcemap ? { sourcemap: 'inline' as const, sourcesContent: false } : {}),
    logLevel: 'silent',
  } satisfies esbuild.BuildOptions;
}

/**
 * Bundles with the plugin that resolves each bare import (`packages`). `inputs` collects the absolute paths of the
 * local files the bundle read (npm packages excluded), also on failure.
 */
async function bundleFiles(
  root: string,
  files: readonly string[],
  outdir: string,
  sourcemap: boolean,
  packages: PackageResolutions,
  inputs?: Set<string>,
): Promise<BundleResult> {
  const outfile = path.join(outdir, `${ENTRY}.mjs`);
  try {
    const result = await withBundlerGoGc(() =>
      esbuild.build({
        ...bundleOptions(root, files, outfile, sourcemap),
        plugins: [resolvePackagesFromNode(packages)],
      }),
    );
    for (const input of Object.keys(result.metafile.inputs)) addInput(inputs, root, input);
    return { ok: true, file: outfile, metafile: result.metafile };
  } catch (err) {
    const errors = (err as { errors?: esbuild.Message[] }).errors;
    if (!errors) throw err;
    for (const e of errors) if (e.location?.file) addInput(inputs, root, e.location.file);
    return { ok: false, message: errors.map(formatMessage).join('; ') };
  }
}

/**
 * Bundles without a resolving plugin, each bare import then costing esbuild no round trip to this process: every name
 * the plugin resolved to one package file (`PackageResolutions.aliases`) is mapped to that file by `alias` and kept
 * external, `panelcraft` is mapped to its source, and any other bare name is left external as written. The bundle is
 * used only if it imports exactly what the plugin's bundle would (`aliasedBundleDifference`); otherwise, and when it
 * fails to compile (the plugin's bundle gives the error), this returns undefined and the caller bundles with the
 * plugin. Two such misses in a row for a root turn this off for it (ALIAS_MISSES).
 * Loading 1 000 dashboards of 4 SDK imports each (first group of 25 with the plugin, the rest mapped; medians of 5,
 * load ~7): esbuild's CPU 1 060 -> 750 ms, this process's 819 -> 646 ms.
 */
async function bundleAliased(
  root: string,
  files: readonly string[],
  outdir: string,
  packages: PackageResolutions,
  resolver: BundlerResolver,
  inputs?: Set<string>,
): Promise<BundleResult | undefined> {
  if ((aliasMisses.get(root) ?? 0) >= ALIAS_MISSES) return undefined;
  // esbuild reads `*` in an external path as a wildcard.
  const aliases = new Map([...packages.aliases()].filter(([, file]) => !file.includes('*')));
  const outfile = path.join(outdir, `${ENTRY}.mjs`);
  let result: esbuild.BuildResult<{ metafile: true }>;
  try {
    result = await withBundlerGoGc(() =>
      esbuild.build({
        ...bundleOptions(root, files, outfile, false),
        packages: 'external',
        alias: { ...Object.fromEntries(aliases), panelcraft: PACKAGE_ENTRY },
        external: [...new Set(aliases.values())],
      }),
    );
  } catch {
    return undefined;
  }
  const difference = await aliasedBundleDifference(root, result.metafile, aliases, (kind, dir, spec) =>
    packages.resolve(resolver, kind, dir, spec),
  );
  if (difference !== undefined) {
    aliasMisses.set(root, (aliasMisses.get(root) ?? 0) + 1);
    return undefined;
  }
  aliasMisses.delete(root);
  for (const input of Object.keys(result.metafile.inputs)) addInput(inputs, root, input);
  return { ok: true, file: outfile, metafile: result.metafile };
}

/**
 * Aliased bundles in a row whose imports differed, after which a root's groups are bundled with the plugin only (a
 * `node_modules` between a dashboard's folder and the root, a name that resolves to two files, a package linked from
 * outside node_modules): each such bundle is made twice.
 */
const ALIAS_MISSES = 2;

/** Aliased bundles missed in a row, by root, for the life of the process. */
const aliasMisses = new Map<string, number>();

/**
 * esbuild's resolver with the options of the dashboards' bundles, outside any bundle, for the names an aliased bundle
 * imports from folders the plugin did not see: a context whose plugin keeps esbuild's resolving API, opened on the
 * first question (a load answered from what this process knows opens none) and disposed after the load (an open
 * context keeps this process alive).
 */
class BundlerResolver implements Resolver {
  private context: Promise<{ readonly context: esbuild.BuildContext; readonly build: esbuild.PluginBuild }> | undefined;

  constructor(private readonly root: string) {}

  async resolve(spec: string, options: esbuild.ResolveOptions): Promise<esbuild.ResolveResult> {
    this.context ??= this.open();
    return (await this.context).build.resolve(spec, options);
  }

  async dispose(): Promise<void> {
    const opened = this.context;
    this.context = undefined;
    if (opened) await (await opened).context.dispose();
  }

  private async open() {
    let captured: esbuild.PluginBuild | undefined;
    const { stdin: _, outfile: __, metafile: ___, ...options } = bundleOptions(this.root, [], '', false);
    const context = await withBundlerGoGc(() =>
      esbuild.context({
        ...options,
        stdin: { contents: '', resolveDir: this.root },
        write: false,
        plugins: [{ name: 'panelcraft-resolver', setup: (build) => void (captured = build) }],
      }),
    );
    return { context, build: captured! };
  }
}

function addInput(inputs: Set<string> | undefined, root: string, file: string): void {
  if (!inputs || file === ENTRY || file.startsWith('<') || (file.includes(':') && !path.isAbsolute(file))) return;
  const abs = path.resolve(root, file);
  if (!abs.split(path.sep).includes('node_modules')) inputs.add(abs);
}

function formatMessage(m: esbuild.Message): string {
  const where = m.location ? `${toPosix(m.location.file)}:${m.location.line}:${m.location.column + 1}: ` : '';
  return `does not compile: ${where}${m.text}`;
}

/**
 * npm packages stay external and are imported by absolute path, resolved from the importing folder first and from
 * panelcraft's install second (`PackageResolutions`). `panelcraft` itself resolves to its source and is bundled.
 */
function resolvePackagesFromNode(packages: PackageResolutions): esbuild.Plugin {
  return {
    name: 'panelcraft-packages',
    setup(build) {
      build.onResolve({ filter: /^panelcraft$/ }, () => ({ path: PACKAGE_ENTRY }));
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'nested' || path.isAbsolute(args.path)) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const found = await packages.resolve(build, args.kind, args.resolveDir || packages.root, args.path);
        return found === 'native' ? undefined : { path: found.external, external: true };
      });
    },
  };
}

async function importBundle(
  root: string,
  files: readonly string[],
  bundle: { readonly file: string; readonly metafile: esbuild.Metafile | undefined },
  outdir: string,
  packages: PackageResolutions,
): Promise<LoadedDashboard[]> {
  const { modules } = (await import(pathToFileURL(bundle.file).href)) as {
    modules: Record<string, () => Promise<Record<string, unknown>>>;
  };
  const inputsOf = bundle.metafile ? localInputs(root, bundle.metafile) : undefined;
  const out: LoadedDashboard[] = [];
  for (const file of files) {
    const result = await evaluate(file, modules[file]!);
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

async function evaluate(file: string, load: () => Promise<Record<string, unknown>>): Promise<Evaluated> {
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
    return { file, error: { message: `must \`export default\` a dashboard (${found})`, fix: EXPORT_FIX } };
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
  const again = await evaluate(file, modules[file]!);
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

const toPosix = (p: string) => p.split(path.sep).join('/');
