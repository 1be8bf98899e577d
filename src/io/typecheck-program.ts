import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type TS from 'typescript';
import { ts } from './typescript-compiler.ts';
import { type CompilerError, UNRESOLVED } from '../build/typecheck-reuse.ts';
import { PACKAGE_ENTRY, PACKAGE_ROOT } from './package-root.ts';

/** What one compiler program found for the files it was asked about. */
export interface BatchResult {
  /** Errors per checked file (absolute path as the compiler spells it). */
  readonly errors: Map<string, CompilerError[]>;
  /** Project files each checked file imports, transitively (without itself). */
  readonly deps: Map<string, string[]>;
  /** Every file of the program that is not installed (the project's own, wherever they lie). */
  readonly projectFiles: readonly string[];
  /** `package.json` of every installed package the program read. */
  readonly packages: readonly string[];
  /** Errors in no one file: options, missing global types. */
  readonly global: CompilerError[];
  /** A project file declares globals (a script, `declare global`, `declare module 'x'`). */
  readonly globalsDeclared: boolean;
}

/**
 * Compiler state kept between programs: the module resolution cache of one run. Parsed declaration files are kept
 * for the whole process (`sharedLibraryFiles`).
 */
export interface CheckContext {
  readonly root: string;
  readonly options: TS.CompilerOptions;
  readonly resolution: TS.ModuleResolutionCache;
  /** What `panelcraft` resolves to when the project does not resolve it. */
  readonly panelcraftTypes: string;
}

export function createCheckContext(root: string, options: TS.CompilerOptions): CheckContext {
  return {
    root,
    options,
    resolution: ts.createModuleResolutionCache(root, (f) => f, options),
    panelcraftTypes: packageTypes(),
  };
}

/**
 * Builds one program over `rootNames` and checks the project files `wanted` accepts (the others are parsed for
 * their declarations only). Each program has its own checker; parsed `.d.ts` files are shared, so a batch costs
 * parsing its own sources and checking them.
 */
export function checkBatch(ctx: CheckContext, rootNames: readonly string[], wanted: (file: string) => boolean) {
  const host = compilerHost(ctx);
  const imports = new Map<string, Set<string>>();
  const probes = new Set<string>();
  resolveLikeTheLoader(host, ctx, imports, probes);
  shareLibraryFiles(host);
  const program = ts.createProgram({ rootNames, options: ctx.options, host });
  const global: CompilerError[] = [];
  for (const d of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const e = toTypeError(ctx.root, d);
    if (e) global.push(e);
  }
  const projectFiles: string[] = [];
  const packages = new Set<string>();
  let globalsDeclared = false;
  for (const sf of program.getSourceFiles()) {
    if (isInstalled(program, sf)) {
      const pkg = packageJsonOf(sf.fileName);
      if (pkg) packages.add(pkg);
      continue;
    }
    projectFiles.push(sf.fileName);
    if (declaresGlobals(sf)) globalsDeclared = true;
    for (const ref of sf.referencedFiles) {
      const to = imports.get(sf.fileName) ?? new Set<string>();
      to.add(path.posix.resolve(path.posix.dirname(sf.fileName), ref.fileName));
      imports.set(sf.fileName, to);
    }
  }
  // Paths looked for and not found are nodes too (no edges out), so creating one invalidates its importers.
  const local = new Set([...projectFiles, ...probes, UNRESOLVED]);
  const closure = transitiveImports(imports, local);
  const errors = new Map<string, CompilerError[]>();
  const deps = new Map<string, string[]>();
  for (const file of projectFiles) {
    if (!wanted(file)) continue;
    const sf = program.getSourceFile(file)!;
    const found: CompilerError[] = [];
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const e = toTypeError(ctx.root, d);
      if (e) found.push(e);
    }
    errors.set(file, found);
    deps.set(file, closure(file));
  }
  return { errors, deps, projectFiles, packages: [...packages], global, globalsDeclared } satisfies BatchResult;
}

/**
 * Parses into the process's shared declaration files what a program over `rootNames` reads: TypeScript's lib and
 * every installed module they import, resolved as a check resolves them. Checks nothing.
 */
export function parseDeclarations(ctx: CheckContext, rootNames: readonly string[]): void {
  if (rootNames.length === 0) return;
  const host = compilerHost(ctx);
  resolveLikeTheLoader(host, ctx, new Map(), new Set());
  shareLibraryFiles(host);
  ts.createProgram({ rootNames, options: ctx.options, host });
}

/**
 * The compiler's host for `ctx`, parsing JSDoc only where it can change a type error (in JavaScript files, and
 * `@see`/`@link` tags), as `tsc` itself does since TypeScript 5.3: the same errors, and the declaration files of
 * the SDK (documented field by field) parse about a fifth faster.
 */
function compilerHost(ctx: CheckContext): TS.CompilerHost {
  const host = ts.createCompilerHost(ctx.options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  return host;
}

/** Installed: TypeScript's own lib and anything below a node_modules folder. */
function isInstalled(program: TS.Program, sf: TS.SourceFile): boolean {
  return program.isSourceFileDefaultLibrary(sf) || sf.fileName.split('/').includes('node_modules');
}

/** `…/node_modules/@scope/name/package.json` for a file below `…/node_modules/@scope/name/`. */
function packageJsonOf(file: string): string | undefined {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const depth = parts[at + 1]!.startsWith('@') ? 3 : 2;
  return [...parts.slice(0, at + depth), 'package.json'].join('/');
}

function declaresGlobals(sf: TS.SourceFile): boolean {
  if (sf.fileName.endsWith('.json')) return false;
  if (!ts.isExternalModule(sf)) return true;
  return sf.statements.some(
    (s) =>
      ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || (s.flags & ts.NodeFlags.GlobalAugmentation) !== 0),
  );
}

function transitiveImports(imports: Map<string, Set<string>>, local: Set<string>): (file: string) => string[] {
  const memo = new Map<string, string[]>();
  return (file) => {
    const cached = memo.get(file);
    if (cached) return cached;
    const seen = new Set<string>([file]);
    const stack = [file];
    while (stack.length > 0) {
      for (const next of imports.get(stack.pop()!) ?? []) {
        if (!local.has(next) || seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    seen.delete(file);
    const out = [...seen].sort();
    memo.set(file, out);
    return out;
  };
}

export function toTypeError(root: string, d: TS.Diagnostic): CompilerError | undefined {
  if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning) return undefined;
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const code = `TS${d.code}`;
  if (!d.file || d.start === undefined) return { file: 'tsconfig.json', line: 1, column: 1, code, message, severity };
  const rel = path.relative(root, d.file.fileName);
  // Errors inside installed packages are not the project's to fix (and skipLibCheck decides about .d.ts files).
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('node_modules')) return undefined;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: rel.split(path.sep).join('/'), line: line + 1, column: character + 1, code, message, severity };
}

/**
 * Resolves imports the way the dashboard loader does (src/io/load-dashboards.ts), so the check sees the modules the
 * build runs: from the importing file first; what is not found there, from panelcraft's own install (a project
 * without node_modules still finds the foundation SDK); `panelcraft` itself, when the project does not resolve it,
 * to the package the CLI runs from. Records who imports what in `imports`.
 */
function resolveLikeTheLoader(
  host: TS.CompilerHost,
  ctx: CheckContext,
  imports: Map<string, Set<string>>,
  probes: Set<string>,
): void {
  const { resolution: cache } = ctx;
  const fallbackFrom = path.join(PACKAGE_ROOT, 'package.json');
  const resolve = (
    literal: TS.StringLiteralLike,
    containingFile: string,
    redirected: TS.ResolvedProjectReference | undefined,
    compilerOptions: TS.CompilerOptions,
    sourceFile: TS.SourceFile,
  ): TS.ResolvedModuleWithFailedLookupLocations => {
    const name = literal.text;
    const mode = ts.getModeForUsageLocation(sourceFile, literal, compilerOptions);
    const first = ts.resolveModuleName(name, containingFile, compilerOptions, host, cache, redirected, mode);
    if (first.resolvedModule || name.startsWith('.') || path.isAbsolute(name)) return first;
    if (name === 'panelcraft') {
      const entry = ctx.panelcraftTypes;
      const dts = entry.endsWith('.d.ts');
      return {
        resolvedModule: {
          resolvedFileName: entry,
          extension: dts ? ts.Extension.Dts : ts.Extension.Ts,
          isExternalLibraryImport: dts,
        },
      };
    }
    return ts.resolveModuleName(name, fallbackFrom, compilerOptions, host, cache, redirected, mode);
  };
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, sourceFile) => {
    const from = imports.get(containingFile) ?? new Set<string>();
    imports.set(containingFile, from);
    return literals.map((literal) => {
      const resolved = resolve(literal, containingFile, redirected, compilerOptions, sourceFile);
      if (resolved.resolvedModule) from.add(resolved.resolvedModule.resolvedFileName);
      else from.add(UNRESOLVED); // never reused: what it will resolve to is unknown
      // Project paths tried before the one found (or in vain): creating one changes the resolution. Installed
      // packages are in the key already. (An internal field of the compiler's answer, absent in some versions.)
      const tried = (resolved as { failedLookupLocations?: readonly string[] }).failedLookupLocations ?? [];
      for (const probe of tried) {
        if (probe.split('/').includes('node_modules')) continue;
        probes.add(probe);
        from.add(probe);
      }
      return resolved;
    });
  };
}

/**
 * The declarations of `panelcraft` to check against: the compiled `dist/src/index.d.ts` when it is there and newer
 * than every source (an install, or this repository after `npm ci`), else the sources themselves (this repository
 * while src/ is being edited). Declarations are checked several times faster than sources.
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

/**
 * Parsed (and bound) declaration files (TypeScript's own lib, installed packages, panelcraft's dist/), shared by
 * every program in this process, as TypeScript's language service shares them between projects: batches of one
 * build, every save in `dev`, a test run. These files are most of the parsing. Keyed by path, parse settings, size
 * and mtime.
 */
const sharedLibraryFiles = new Map<string, { readonly stamp: string; readonly file: TS.SourceFile }>();

function shareLibraryFiles(host: TS.CompilerHost): void {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (!fileName.endsWith('.d.ts')) {
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    }
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    const now = stamp(fileName);
    const cached = sharedLibraryFiles.get(key);
    if (cached && cached.stamp === now) return cached.file;
    const file = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    if (file) sharedLibraryFiles.set(key, { stamp: now, file });
    return file;
  };
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}
