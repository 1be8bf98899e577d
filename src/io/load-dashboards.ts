import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { EXPORT_FIX, describe } from '../build/dashboard-value.ts';
import type { LoadedDashboard } from '../build/render-provisioning.ts';
import { PACKAGE_ENTRY, PACKAGE_ROOT } from './package-root.ts';

/**
 * Loads dashboard modules in this process: one esbuild bundle for all of them (shared code split into chunks,
 * panelcraft's own source bundled so edits to it are picked up, npm packages left to Node), then one dynamic
 * import per dashboard. A file that fails to compile, throws or exports the wrong thing becomes an error entry
 * naming what went wrong; the others still load.
 */
export async function loadDashboards(root: string, files: readonly string[]): Promise<LoadedDashboard[]> {
  if (files.length === 0) return [];
  process.setSourceMapsEnabled(true);
  const outdir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-'));
  try {
    const bundled = await bundle(root, files, outdir);
    if (bundled.ok) return await importAll(root, files, bundled.outputs);
    // Some file does not compile: bundle each file alone so one bad file cannot hide the others.
    return await Promise.all(
      files.map(async (file, i): Promise<LoadedDashboard> => {
        const single = await bundle(root, [file], path.join(outdir, `single-${i}`));
        if (!single.ok) return { file, error: { message: single.message, fix: 'fix the syntax error at the position shown' } };
        return (await importAll(root, [file], single.outputs))[0]!;
      }),
    );
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

type BundleResult = { ok: true; outputs: Map<string, string> } | { ok: false; message: string };

async function bundle(root: string, files: readonly string[], outdir: string): Promise<BundleResult> {
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: files.map((f) => path.join(root, f)),
      outbase: root,
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [resolvePackagesFromNode(root)],
    });
    const outputs = new Map<string, string>();
    for (const [out, meta] of Object.entries(result.metafile.outputs)) {
      if (meta.entryPoint) outputs.set(toPosix(path.relative(root, path.resolve(root, meta.entryPoint))), path.resolve(root, out));
    }
    return { ok: true, outputs };
  } catch (err) {
    const errors = (err as { errors?: esbuild.Message[] }).errors;
    if (!errors) throw err;
    return { ok: false, message: errors.map(formatMessage).join('; ') };
  }
}

function formatMessage(m: esbuild.Message): string {
  const where = m.location ? `${toPosix(m.location.file)}:${m.location.line}:${m.location.column + 1}: ` : '';
  return `does not compile: ${where}${m.text}`;
}

/**
 * npm packages stay external and are imported by absolute path, resolved from the dashboard's own folder first and
 * from panelcraft's install second, so a project without its own node_modules still finds the foundation SDK.
 * `panelcraft` itself resolves to its source and is bundled.
 */
function resolvePackagesFromNode(root: string): esbuild.Plugin {
  return {
    name: 'panelcraft-packages',
    setup(build) {
      build.onResolve({ filter: /^panelcraft(\/.*)?$/ }, (args) => (args.path === 'panelcraft' ? { path: PACKAGE_ENTRY } : undefined));
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'nested' || path.isAbsolute(args.path)) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        for (const resolveDir of [args.resolveDir || root, PACKAGE_ROOT]) {
          const found = await build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'nested' });
          if (found.errors.length === 0 && found.path) {
            return found.external || !found.path.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: found.path, external: true };
          }
        }
        return undefined; // let esbuild report "Could not resolve"
      });
    },
  };
}

async function importAll(root: string, files: readonly string[], outputs: Map<string, string>): Promise<LoadedDashboard[]> {
  const out: LoadedDashboard[] = [];
  for (const file of files) {
    const built = outputs.get(file);
    if (built === undefined) throw new Error(`esbuild produced no output for ${file}`);
    out.push(await importOne(root, file, built));
  }
  return out;
}

async function importOne(root: string, file: string, built: string): Promise<LoadedDashboard> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(built).href)) as Record<string, unknown>;
  } catch (err) {
    return { file, error: { message: `threw while loading: ${errorText(err)}${whereInSource(root, err, file)}`, fix: 'fix the error at the position shown' } };
  }
  if (!('default' in mod) || mod.default === undefined) {
    const named = Object.keys(mod);
    const found = named.length > 0 ? `found named export${named.length > 1 ? 's' : ''} ${named.map((n) => `\`${n}\``).join(', ')}` : 'it exports nothing';
    return { file, error: { message: `must \`export default\` a dashboard (${found})`, fix: EXPORT_FIX } };
  }
  let value: unknown = mod.default;
  if (typeof value === 'function' && !('build' in (value as object))) {
    try {
      value = await (value as () => unknown)();
    } catch (err) {
      return { file, error: { message: `default export ${describe(mod.default)} threw: ${errorText(err)}${whereInSource(root, err, file)}`, fix: 'fix the error at the position shown' } };
    }
  } else if (value instanceof Promise) {
    value = await value.catch((err: unknown) => err);
  }
  return { file, exported: value };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** ` (at dashboards/x.ts:12:5)`: the first stack frame in the dashboard's own source, via the inline source map. */
function whereInSource(root: string, err: unknown, file: string): string {
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const abs = path.join(root, file);
  const frame = stack.split('\n').find((line) => line.includes(abs));
  const match = frame ? /:(\d+):(\d+)\)?$/.exec(frame) : null;
  return match ? ` (at ${file}:${match[1]}:${match[2]})` : '';
}

const toPosix = (p: string) => p.split(path.sep).join('/');
