import path from 'node:path';
import * as esbuild from 'esbuild';
import { aliasedBundleDifference } from './aliased-bundle-check.ts';
import type { PackageResolutions, Resolver } from './package-resolutions.ts';
import { PACKAGE_ENTRY } from './package-root.ts';

/** The generated entry of each bundle, mapping every dashboard file of a group to a lazy `import()`. */
export const ENTRY = 'panelcraft-dashboards-entry';

/**
 * Stops esbuild's process (`build`, once every module is loaded; a later load starts it again). `dev` keeps it: it
 * bundles on every save.
 */
export function stopBundler(): Promise<void> {
  return esbuild.stop();
}

/** esbuild calls under way and contexts open, in this process: the bundler is stopped early only once there are none. */
let busy = 0;
let stopWhenIdle = false;

/**
 * Stops esbuild's process now if no call uses it, else once the last call under way settles (a load of `alerts/`
 * may still be bundling when the dashboards' last group is made). A later call starts it again.
 */
export function stopBundlerWhenIdle(): void {
  if (busy === 0) void esbuild.stop();
  else stopWhenIdle = true;
}

/** Counts `work` as using esbuild's process until it settles. */
function held<T>(work: () => Promise<T>): Promise<T> {
  busy++;
  let started: Promise<T>;
  try {
    started = work();
  } catch (err) {
    release();
    throw err;
  }
  return started.finally(release);
}

function release(): void {
  if (--busy > 0 || !stopWhenIdle) return;
  stopWhenIdle = false;
  void esbuild.stop();
}

/**
 * The Go collector's target for esbuild's process: collect once the heap grew by 200 % over what survived (Go's
 * default is 100 %). esbuild's process is stopped before the build's peak, and a cold build starts the compiler only
 * once esbuild is done (build-project.ts), so the memory this costs is never held beside the compiler's. Measured:
 * - the 4 groups of 1 000 dashboards bundled alone: esbuild's CPU 670-760 ms at GOGC=50 (used before), 570-590 at
 *   100, 480-500 at 200; its RSS 111-119, 118-152 and 125-145 MB;
 * - a cold build of 5 000 dashboards: esbuild's CPU 4.19 -> 2.98 s, its largest RSS 102 -> 186 MB, the tree's peak
 *   (this process and the compiler, after the last render) 681 -> 678 MB.
 * A GOGC the user set is kept.
 */
const BUNDLER_GOGC = '200';

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

export type BundleResult =
  | { ok: true; file: string; metafile: esbuild.Metafile | undefined }
  | { ok: false; message: string };

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
export async function bundleFiles(
  root: string,
  files: readonly string[],
  outdir: string,
  sourcemap: boolean,
  packages: PackageResolutions,
  inputs?: Set<string>,
): Promise<BundleResult> {
  const outfile = path.join(outdir, `${ENTRY}.mjs`);
  try {
    const result = await held(() =>
      withBundlerGoGc(() =>
        esbuild.build({
          ...bundleOptions(root, files, outfile, sourcemap),
          plugins: [resolvePackagesFromNode(packages)],
        }),
      ),
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
export async function bundleAliased(
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
    result = await held(() =>
      withBundlerGoGc(() =>
        esbuild.build({
          ...bundleOptions(root, files, outfile, false),
          packages: 'external',
          alias: { ...Object.fromEntries(aliases), panelcraft: PACKAGE_ENTRY },
          external: [...new Set(aliases.values())],
        }),
      ),
    );
  } catch {
    return undefined;
  }
  let difference: string | undefined;
  try {
    difference = await aliasedBundleDifference(root, result.metafile, aliases, (kind, dir, spec) =>
      packages.resolve(resolver, kind, dir, spec),
    );
  } catch (err) {
    difference = `esbuild's resolver failed: ${(err as Error).message}`; // the plugin's bundle will say
  }
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
export class BundlerResolver implements Resolver {
  private context: Promise<{ readonly context: esbuild.BuildContext; readonly build: esbuild.PluginBuild }> | undefined;

  constructor(private readonly root: string) {}

  async resolve(spec: string, options: esbuild.ResolveOptions): Promise<esbuild.ResolveResult> {
    this.context ??= this.open();
    return (await this.context).build.resolve(spec, options);
  }

  async dispose(): Promise<void> {
    const opened = this.context;
    this.context = undefined;
    if (!opened) return;
    let context: esbuild.BuildContext;
    try {
      ({ context } = await opened);
    } catch {
      return; // it failed to open, and let go of esbuild then
    }
    try {
      await context.dispose();
    } finally {
      release(); // held since `open`
    }
  }

  private async open() {
    let captured: esbuild.PluginBuild | undefined;
    const { stdin: _, outfile: __, metafile: ___, ...options } = bundleOptions(this.root, [], '', false);
    busy++; // an open context uses esbuild's process until `dispose`
    let context: esbuild.BuildContext;
    try {
      context = await withBundlerGoGc(() =>
        esbuild.context({
          ...options,
          stdin: { contents: '', resolveDir: this.root },
          write: false,
          plugins: [{ name: 'panelcraft-resolver', setup: (build) => void (captured = build) }],
        }),
      );
    } catch (err) {
      this.context = undefined;
      release();
      throw err;
    }
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

const toPosix = (p: string) => p.split(path.sep).join('/');
