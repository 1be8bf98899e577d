import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ENTRY, PACKAGE_ROOT } from './package-root.ts';
import { runCompiler } from './native-compiler.ts';

/**
 * The settings a project without its own `tsconfig.json` is checked with: as strict as the tsconfig `init`
 * writes, so adding one later brings no surprises. ES2022 without the DOM library: a dashboard is data built in
 * Node, and lib.dom.d.ts is most of the library text the compiler would parse on every build.
 */
export const DEFAULT_COMPILER_OPTIONS: Readonly<Record<string, unknown>> = {
  target: 'ES2022',
  lib: ['ES2022'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
};

/**
 * What every shard's generated tsconfig holds besides its files: `extends` the project's own tsconfig.json (or the
 * default options), and what makes a config kept in the cache folder resolve as one at the root would:
 * - `typeRoots`: the compiler looks for `node_modules/@types` above the folder of the config it was given, which
 *   is the cache folder (possibly outside the project); unless the project sets them, the ones above the root.
 * - `paths`, unless the project sets its own: `panelcraft` is what the dashboard loader runs (this install, or this
 *   repository's sources), and the foundation SDK comes from panelcraft's install when the project has none of its
 *   own (the loader does the same).
 */
export async function baseCompilerConfig(root: string, exe: string): Promise<Record<string, unknown>> {
  const tsconfig = path.join(root, 'tsconfig.json');
  const own = existsSync(tsconfig);
  const shown = own ? await shownOptions(root, exe, tsconfig) : {};
  const set = new Set(Object.keys(shown));
  // `composite` would require every file of the program in `files`; what it implies (`declaration`, which decides
  // whether `tsc --noEmit` reports declaration errors and allows `declarationMap`) stays.
  const extra: Record<string, unknown> = {
    composite: false,
    ...(shown.composite === true ? { declaration: true } : {}),
  };
  if (!set.has('typeRoots')) extra.typeRoots = typeRootsAbove(root);
  if (!set.has('paths')) {
    const paths = fallbackPaths(root);
    if (Object.keys(paths).length > 0) extra.paths = paths;
  }
  return own
    ? { extends: tsconfig, compilerOptions: extra }
    : { compilerOptions: { ...DEFAULT_COMPILER_OPTIONS, ...extra } };
}

/** The compiler options the project's tsconfig sets (through `extends` too), as `tsc --showConfig` gives them. */
async function shownOptions(root: string, exe: string, tsconfig: string): Promise<Record<string, unknown>> {
  const run = await runCompiler(exe, ['-p', tsconfig, '--showConfig'], {
    cwd: root,
    timeoutMs: 30_000,
    maxOutputBytes: 64 * 1024 * 1024,
  });
  try {
    const shown = JSON.parse(run.stdout) as { compilerOptions?: Record<string, unknown> };
    return shown.compilerOptions ?? {};
  } catch {
    return {}; // a broken tsconfig: the check itself reports it
  }
}

function typeRootsAbove(root: string): string[] {
  const out: string[] = [];
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    out.push(path.join(dir, 'node_modules', '@types'));
    if (path.dirname(dir) === dir) return out;
  }
}

const SDK = '@grafana/grafana-foundation-sdk';

function fallbackPaths(root: string): Record<string, string[]> {
  const paths: Record<string, string[]> = { panelcraft: [packageTypes()] };
  if (installedAbove(root, SDK)) return paths;
  const dir = installedAbove(PACKAGE_ROOT, SDK);
  if (dir === undefined) return paths;
  const manifest = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    types?: string;
    exports?: Record<string, { types?: string } | string>;
  };
  if (pkg.types) paths[SDK] = [path.join(dir, pkg.types)];
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    const types = typeof target === 'object' ? target.types : undefined;
    if (!key.startsWith('./') || !types || key.includes('*')) continue;
    paths[`${SDK}/${key.slice(2)}`] = [path.join(dir, types)];
  }
  return paths;
}

/** The folder of package `name` as Node finds it from `from` (its exports may not export `package.json`). */
function installedAbove(from: string, name: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const found = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(found, 'package.json'))) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The declarations of `panelcraft` to check against: the compiled `dist/src/index.d.ts` when it is there and newer
 * than every source (an install, or this repository after a build), else the sources themselves (this repository
 * while src/ is being edited).
 */
export function packageTypes(): string {
  const dts = path.join(PACKAGE_ROOT, 'dist', 'src', 'index.d.ts');
  if (!PACKAGE_ENTRY.endsWith('.ts')) return dts;
  let built: number;
  try {
    built = statSync(dts).mtimeMs;
  } catch {
    return PACKAGE_ENTRY;
  }
  const fresh = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).every((e) =>
      e.isDirectory() ? fresh(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs <= built,
    );
  return fresh(path.join(PACKAGE_ROOT, 'src')) ? dts : PACKAGE_ENTRY;
}
