import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type TS from 'typescript';
import { PACKAGE_ENTRY, PACKAGE_ROOT } from './package-root.ts';

/** Required, not imported: importing TypeScript's 9 MB CommonJS file as ESM costs 0.3 s more (export lexing). */
const ts = createRequire(import.meta.url)('typescript') as typeof TS;

/** One compiler error in a file of the project, as `tsc` would print it. */
export interface TypeError {
  /** Posix path relative to the root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** `TS2322` */
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** Where the incremental state lives, below the project root (npm's convention for tool caches). */
export const TYPECHECK_CACHE_DIR = path.join('node_modules', '.cache', 'panelcraft');

/**
 * The settings a project without its own `tsconfig.json` is checked with: as strict as the tsconfig `init`
 * writes, so adding one later brings no surprises.
 */
const DEFAULT_OPTIONS: TS.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
};

/**
 * Type-checks the dashboard sources (and whatever they import) with the TypeScript compiler, using the project's
 * `tsconfig.json` when it has one. Incremental: the compiler's state is kept in a `.tsbuildinfo` under
 * `node_modules/.cache/panelcraft`, so an unchanged tree costs a hash check per file, not a full check.
 * Reports errors in files of the project only (not in node_modules), each with its position and the compiler's
 * own message. `files` are relative to the root.
 */
export function typecheckProject(
  root: string,
  files: readonly string[],
): { errors: TypeError[]; configProblem?: string } {
  if (files.length === 0) return { errors: [] };
  const configFile = path.join(root, 'tsconfig.json');
  let options: TS.CompilerOptions = DEFAULT_OPTIONS;
  if (ts.sys.fileExists(configFile)) {
    const configErrors: TS.Diagnostic[] = [];
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
      },
    );
    if (!parsed || configErrors.length > 0) {
      return {
        errors: configErrors.map((d) => toTypeError(root, d)).filter((e): e is TypeError => e !== undefined),
        configProblem: 'tsconfig.json cannot be read',
      };
    }
    options = parsed.options;
  }
  const cacheDir = path.join(root, TYPECHECK_CACHE_DIR);
  let cacheWritable = true;
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheWritable = false;
  }
  const checkOptions: TS.CompilerOptions = {
    ...options,
    noEmit: true,
    declaration: false,
    composite: false,
    incremental: cacheWritable,
    ...(cacheWritable ? { tsBuildInfoFile: path.join(cacheDir, 'dashboards.tsbuildinfo') } : {}),
  };
  const rootNames = files.map((f) => path.resolve(root, f));
  const stampFile = path.join(cacheDir, 'dashboards.stamps.json');
  const key = cacheKey(root, rootNames, checkOptions);
  if (cacheWritable) {
    const cached = readStamps(stampFile, key);
    if (cached) return { errors: cached };
  }
  const host = ts.createIncrementalCompilerHost(checkOptions);
  resolveLikeTheLoader(host, checkOptions);
  shareLibraryFiles(host);
  const program = ts.createIncrementalProgram({ rootNames, options: checkOptions, host });
  const all = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  if (cacheWritable) program.emit();
  const seen = new Set<string>();
  const errors: TypeError[] = [];
  for (const d of all) {
    const e = toTypeError(root, d);
    if (!e) continue;
    const key = `${e.file}:${e.line}:${e.column}:${e.code}:${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(e);
  }
  if (cacheWritable)
    writeStamps(
      stampFile,
      key,
      program
        .getProgram()
        .getSourceFiles()
        .map((f) => f.fileName),
      errors,
    );
  return { errors };
}

/**
 * Everything besides the files' contents that decides the result: the checked files, the settings, the TypeScript
 * version, and what installs change (package.json, the lockfile npm keeps in node_modules).
 */
function cacheKey(root: string, rootNames: readonly string[], options: TS.CompilerOptions): string {
  const hash = createHash('sha256');
  hash.update(`${ts.version}\0${JSON.stringify(options)}\0${rootNames.join('\0')}`);
  for (const file of ['tsconfig.json', 'package.json', 'node_modules/.package-lock.json'])
    hash.update(`\0${stamp(path.join(root, file))}`);
  return hash.digest('hex');
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}

interface Stamps {
  readonly key: string;
  readonly files: Record<string, string>;
  readonly errors: TypeError[];
}

/**
 * The last result, if no file the last check read has changed size or mtime since: then the compiler (which would
 * parse every declaration file again, even incrementally) is not started at all.
 */
function readStamps(stampFile: string, key: string): TypeError[] | undefined {
  let stamps: Stamps;
  try {
    stamps = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamps;
  } catch {
    return undefined;
  }
  if (stamps.key !== key) return undefined;
  for (const [file, was] of Object.entries(stamps.files)) if (stamp(file) !== was) return undefined;
  return stamps.errors;
}

function writeStamps(stampFile: string, key: string, files: readonly string[], errors: readonly TypeError[]): void {
  const stamps: Stamps = { key, files: Object.fromEntries(files.map((f) => [f, stamp(f)])), errors: [...errors] };
  try {
    writeFileSync(`${stampFile}.${process.pid}.tmp`, JSON.stringify(stamps));
    renameSync(`${stampFile}.${process.pid}.tmp`, stampFile);
  } catch {
    // a cache only: the next check starts the compiler again
  }
}

function toTypeError(root: string, d: TS.Diagnostic): TypeError | undefined {
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
 * to the package the CLI runs from.
 */
function resolveLikeTheLoader(host: TS.CompilerHost, options: TS.CompilerOptions): void {
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f, options);
  const fallbackFrom = path.join(PACKAGE_ROOT, 'package.json');
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, sourceFile) =>
    literals.map((literal) => {
      const name = literal.text;
      const mode = ts.getModeForUsageLocation(sourceFile, literal, compilerOptions);
      const first = ts.resolveModuleName(name, containingFile, compilerOptions, host, cache, redirected, mode);
      if (first.resolvedModule || name.startsWith('.') || path.isAbsolute(name)) return first;
      if (name === 'panelcraft') {
        const entry = packageTypes();
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
    });
}

/**
 * The declarations of `panelcraft` to check against: the compiled `dist/src/index.d.ts` when it is there and newer
 * than every source (an install, or this repository after `npm ci`), else the sources themselves (this repository
 * while src/ is being edited). Declarations are checked several times faster than sources.
 */
function packageTypes(): string {
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
 * Parsed (and bound) declaration files (TypeScript's own lib, installed packages, panelcraft's dist/), shared by every check in
 * this process, as TypeScript's language service shares them between projects: `dev` and a test run check many
 * times, and these files are most of the parsing. Keyed by path, parse settings, size and mtime.
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
