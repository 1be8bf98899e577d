import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type TS from 'typescript';
import { keepCompiledTypeScript, ts } from './typescript-compiler.ts';
import {
  ABSENT,
  type CheckedFile,
  isReusable,
  isTypecheckResults,
  planReuse,
  RESULTS_FORMAT,
  reusedFiles,
  sortTypeErrors,
  type TypecheckResults,
  type CompilerError,
  usableResults,
} from '../build/typecheck-reuse.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import {
  type CheckContext,
  checkBatch,
  createCheckContext,
  packageTypes,
  parseDeclarations,
  toTypeError,
} from './typecheck-program.ts';

export type { CompilerError } from '../build/typecheck-reuse.ts';

/** Where the type-check results live, below the project root (npm's convention for tool caches). */
export const TYPECHECK_CACHE_DIR = path.join('node_modules', '.cache', 'panelcraft');

/** The results file in the cache folder. */
export const TYPECHECK_RESULTS_FILE = 'typecheck.json';

/**
 * Dashboards per compiler program. Each program holds its sources' syntax trees and its checker's types; the
 * parsed declaration files (the SDK, TypeScript's lib) are shared, so memory stays bounded by one batch whatever the
 * number of dashboards, at a small cost per batch (the SDK's types are built again by each checker).
 */
export const TYPECHECK_BATCH = 200;

export interface TypecheckOptions {
  /** Where results are kept. @default `<root>/node_modules/.cache/panelcraft` */
  readonly cacheDir?: string;
  /** Root files per compiler program. @default TYPECHECK_BATCH */
  readonly batchSize?: number;
  /** Called after each program, once it can be collected (the type-check thread frees memory there). */
  readonly afterBatch?: () => void;
  /**
   * Takes the writing of the results instead of doing it before returning: the type-check thread answers first
   * and writes while its caller goes on.
   */
  readonly saveLater?: (save: () => void) => void;
}

export interface TypecheckOutcome {
  /** Every error, sorted by file and position. */
  readonly errors: CompilerError[];
  readonly configProblem?: string;
  /** Root files checked by the compiler this time, and taken unchanged from the stored results. */
  readonly checked: number;
  readonly reused: number;
  /** When the check finished, in milliseconds since the epoch (comparable across threads). */
  readonly doneAt: number;
}

/**
 * The settings a project without its own `tsconfig.json` is checked with: as strict as the tsconfig `init`
 * writes, so adding one later brings no surprises.
 */
const DEFAULT_OPTIONS: TS.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  // ES2022 without the DOM library: a dashboard is data built in Node, and lib.dom.d.ts is 78 % of the library text
  // the compiler would parse on every build (a one-dashboard check ~30 % faster, ~45 MB smaller).
  lib: ['lib.es2022.d.ts'],
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
 * `tsconfig.json` when it has one. Reports errors in files of the project only (not in node_modules), each with its
 * position and the compiler's own message, sorted. `files` are relative to the root.
 *
 * Incremental per file: the errors of each source file are stored with the content hashes of the files it imports,
 * so a file whose imports are all unchanged keeps its errors and only changed dashboards (and those importing a
 * changed helper) are checked again, in batches of `batchSize` that share the parsed declaration files. The result
 * equals a full check's; a missing, foreign or damaged results file only costs time.
 */
export function typecheckProject(
  root: string,
  files: readonly string[],
  options: TypecheckOptions = {},
  prepared?: PreparedCheck,
): TypecheckOutcome {
  if (files.length === 0) return { errors: [], checked: 0, reused: 0, doneAt: now() };
  const cacheDir = options.cacheDir ?? path.join(root, TYPECHECK_CACHE_DIR);
  const setup = stillPrepared(prepared, root, cacheDir) ?? setUp(root, cacheDir);
  if ('problem' in setup)
    return { errors: setup.errors, configProblem: setup.problem, checked: 0, reused: 0, doneAt: now() };
  const { ctx, key, hashes, stored, resultsFile } = setup;
  const rootNames = [...new Set(files.map((f) => compilerPath(path.resolve(root, f))))];
  const run = runChecks(ctx, key, rootNames, stored, hashes, options.batchSize ?? TYPECHECK_BATCH, options.afterBatch);
  const final =
    run.results.reusable || (run.batches <= 1 && !run.tookStored)
      ? run
      : // A file declares globals or the check found global errors: results of separate programs do not add up.
        runChecks(ctx, key, rootNames, undefined, hashes, Number.POSITIVE_INFINITY, options.afterBatch);
  if (final.batches > 0) {
    const save = () => {
      writeResults(cacheDir, resultsFile, final.results, root);
      keepCompiledTypeScript();
    };
    if (options.saveLater) options.saveLater(save);
    else save();
  }
  const errors = sortTypeErrors([...final.global, ...Object.values(final.results.files).flatMap((f) => f.errors)]);
  return { errors, checked: rootNames.length - final.reused, reused: final.reused, doneAt: now() };
}

/**
 * The part of a check that does not depend on which files are checked, done ahead (`prepareTypecheck`): the
 * compiler options, the results key, the stored results with every file they name hashed, and the declaration
 * files (TypeScript's lib, panelcraft's and the SDK's types) parsed. For one check only: its file hashes are those
 * of the moment it was prepared, so a later check prepares again.
 */
export interface PreparedCheck {
  readonly root: string;
  readonly cacheDir: string;
  readonly setup: CheckSetup;
}

type CheckSetup =
  | { readonly problem: string; readonly errors: CompilerError[] }
  | {
      readonly ctx: CheckContext;
      readonly key: string;
      readonly hashes: FileHashes;
      readonly stored: TypecheckResults | undefined;
      readonly resultsFile: string;
    };

/**
 * The setup of `prepared` when it is for this root and cache and still holds: file hashes of files changed since
 * are read again, and a changed key (tsconfig, manifests) or installed package voids it.
 */
function stillPrepared(prepared: PreparedCheck | undefined, root: string, cacheDir: string): CheckSetup | undefined {
  if (prepared?.root !== root || prepared.cacheDir !== cacheDir || 'problem' in prepared.setup) return undefined;
  const setup = prepared.setup;
  setup.hashes.refresh();
  if (resultsKey(root, setup.ctx.options, setup.hashes) !== setup.key) return undefined;
  return { ...setup, stored: usableResults(setup.stored, setup.key, setup.hashes) };
}

function setUp(root: string, cacheDir: string): CheckSetup {
  const config = compilerOptions(root);
  if ('problem' in config) return config;
  const checkOptions = forChecking(config.options);
  const resultsFile = path.join(cacheDir, TYPECHECK_RESULTS_FILE);
  const hashes = fileHashes();
  const key = resultsKey(root, checkOptions, hashes);
  const stored = usableResults(readResults(resultsFile, root), key, hashes);
  return { ctx: createCheckContext(root, checkOptions), key, hashes, stored, resultsFile };
}

/**
 * Stored files whose programs are parsed ahead: their imports bring in the declaration files (TypeScript's lib, the
 * SDK modules, panelcraft's types) that the dashboards of a project mostly share. Sources themselves are not kept.
 */
const PARSE_AHEAD_ROOTS = 3;

/** Up to `n` of `items`, spread over the whole list (dashboards of one folder tend to import alike). */
function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/**
 * Does ahead of a check of `root` what does not depend on its files (see `PreparedCheck`; `parseAhead` the rest), while the caller is
 * still finding out whether it needs a check at all: the type-check thread runs this at the start of a build.
 */
export function prepareTypecheck(root: string, options: Pick<TypecheckOptions, 'cacheDir'> = {}): PreparedCheck {
  const cacheDir = options.cacheDir ?? path.join(root, TYPECHECK_CACHE_DIR);
  const setup = setUp(root, cacheDir);
  // Hash now what deciding the reuse will ask for.
  if (!('problem' in setup) && setup.stored) planReuse(setup.stored, Object.keys(setup.stored.files), setup.hashes);
  return { root, cacheDir, setup };
}

/**
 * The rest of preparing, for a thread still waiting for its check: parses the declaration files the dashboards
 * last checked read (TypeScript's lib, the SDK modules they import), shared with the check's program.
 */
export function parseAhead(prepared: PreparedCheck): void {
  const { setup } = prepared;
  if ('problem' in setup || !setup.stored) return;
  parseDeclarations(setup.ctx, sample(Object.keys(setup.stored.files), PARSE_AHEAD_ROOTS));
}

/**
 * Parses and checks the first of `files` and forgets the result: fills the shared declaration files and warms the
 * checker, so the next check in this process (`dev`'s first save after a start that reused every result) is as
 * fast as the ones after it. Errors are ignored: a warm-up only.
 */
export function warmUpTypecheck(root: string, files: readonly string[]): void {
  const config = compilerOptions(root);
  if (files.length === 0 || 'problem' in config) return;
  const ctx = createCheckContext(root, forChecking(config.options));
  checkBatch(ctx, [compilerPath(path.resolve(root, files[0]!))], () => true);
}

function forChecking(options: TS.CompilerOptions): TS.CompilerOptions {
  const { incremental: _i, tsBuildInfoFile: _t, ...own } = options;
  return { ...own, noEmit: true, declaration: false, composite: false };
}

const now = () => performance.timeOrigin + performance.now();

function runChecks(
  ctx: CheckContext,
  key: string,
  rootNames: readonly string[],
  stored: TypecheckResults | undefined,
  hashes: (file: string) => string | undefined,
  batchSize: number,
  afterBatch: (() => void) | undefined,
) {
  const plan = planReuse(stored, rootNames, hashes);
  const entries = new Map<string, CheckedFile>();
  if (stored) for (const f of reusedFiles(stored, plan.reused)) entries.set(f, stored.files[f]!);
  const packages = new Map<string, string>(stored ? Object.entries(stored.packages) : []);
  const global: CompilerError[] = [];
  let reusable = true;
  let tookStored = entries.size > 0;
  const wanted = (file: string): boolean => {
    if (entries.has(file)) return false;
    if (stored?.files[file] && isReusable(stored, file, hashes)) {
      entries.set(file, stored.files[file]);
      tookStored = true;
      return false;
    }
    return true;
  };
  let batches = 0;
  for (let i = 0; i < plan.check.length; i += batchSize) {
    batches++;
    const batch = checkBatch(ctx, plan.check.slice(i, i + batchSize), wanted);
    for (const [file, errors] of batch.errors) {
      const deps = Object.fromEntries((batch.deps.get(file) ?? []).map((d) => [d, hashes(d) ?? ABSENT]));
      entries.set(file, { hash: hashes(file) ?? '', deps, errors });
    }
    for (const pkg of batch.packages) packages.set(pkg, hashes(pkg) ?? '');
    global.push(...batch.global);
    if (batch.globalsDeclared || batch.global.length > 0) reusable = false;
    afterBatch?.();
  }
  const results: TypecheckResults = {
    format: RESULTS_FORMAT,
    key,
    reusable,
    packages: Object.fromEntries([...packages].sort(([a], [b]) => (a < b ? -1 : 1))),
    files: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return { results, global, batches, reused: plan.reused.length, tookStored };
}

/** The compiler spells paths with `/` on every platform; the results use its spelling. */
const compilerPath = (file: string) => file.split(path.sep).join('/');

/** Content hashes of files, each read once per check. */
interface FileHashes {
  (file: string): string | undefined;
  /**
   * Forgets the hash of every file whose size, mtime or inode changed since it was read, so a check prepared
   * ahead never decides with contents older than those its caller saw.
   */
  refresh(): void;
}

function fileHashes(): FileHashes {
  const memo = new Map<string, { readonly hash: string | undefined; readonly stamp: string }>();
  const hashOf = (file: string): string | undefined => {
    const known = memo.get(file);
    if (known) return known.hash;
    const stamp = fileStamp(file); // before the read: a change after it shows in `refresh`
    let hash: string | undefined;
    try {
      hash = createHash('sha1').update(readFileSync(file)).digest('hex');
    } catch {
      hash = undefined;
    }
    memo.set(file, { hash, stamp });
    return hash;
  };
  hashOf.refresh = () => {
    for (const [file, { stamp }] of memo) if (fileStamp(file) !== stamp) memo.delete(file);
  };
  return hashOf;
}

function fileStamp(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ino}`;
  } catch {
    return 'none';
  }
}

/**
 * Everything besides the project's own files that decides every result: the results format, the TypeScript
 * version, the root, the effective compiler options and the tsconfig, the package manifests and lockfiles of the
 * project and of panelcraft's install (installs change declaration files), and which `panelcraft` types are used.
 */
function resultsKey(root: string, options: TS.CompilerOptions, hashes: (file: string) => string | undefined): string {
  const hash = createHash('sha256');
  const place = (text: string) => text.split(compilerPath(root)).join('<root>');
  hash.update(`${RESULTS_FORMAT}\0${ts.version}\0${place(JSON.stringify(options))}\0${place(packageTypes())}`);
  for (const dir of new Set([root, PACKAGE_ROOT]))
    for (const file of ['tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'])
      hash.update(`\0${file}\0${hashes(path.join(dir, file)) ?? 'none'}`);
  return hash.digest('hex');
}

/**
 * Paths in the stored results are relative to the root where they lie below it, so results restored into another
 * checkout of the project (a CI cache) still apply.
 */
function relocate(results: TypecheckResults, move: (file: string) => string): TypecheckResults {
  const paths = (record: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(record).map(([f, h]) => [move(f), h]));
  return {
    ...results,
    packages: paths(results.packages),
    files: Object.fromEntries(
      Object.entries(results.files).map(([f, entry]) => [move(f), { ...entry, deps: paths(entry.deps) }]),
    ),
  };
}

/** The stored results, or `undefined` when there are none or they are foreign, truncated or damaged. */
function readResults(file: string, root: string): TypecheckResults | undefined {
  const base = `${compilerPath(root)}/`;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isTypecheckResults(value)) return undefined;
    return relocate(value, (f) => (f.startsWith('/') || f.startsWith('\0') || /^[A-Za-z]:/.test(f) ? f : base + f));
  } catch {
    return undefined;
  }
}

/** Atomic: a temp file renamed over the old one, so a killed build leaves the old results or the new ones. */
function writeResults(dir: string, file: string, results: TypecheckResults, root: string): void {
  const base = `${compilerPath(root)}/`;
  const stored = relocate(results, (f) => (f.startsWith(base) ? f.slice(base.length) : f));
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, file);
  } catch {
    // a cache only: the next check runs the compiler again (removing the temp fails too when dir is not a folder)
    try {
      rmSync(temp, { force: true });
    } catch {}
  }
}

function compilerOptions(root: string): { options: TS.CompilerOptions } | { problem: string; errors: CompilerError[] } {
  const configFile = path.join(root, 'tsconfig.json');
  if (!ts.sys.fileExists(configFile)) return { options: DEFAULT_OPTIONS };
  const configErrors: TS.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  if (!parsed || configErrors.length > 0) {
    return {
      problem: 'tsconfig.json cannot be read',
      errors: configErrors.map((d) => toTypeError(root, d)).filter((e): e is CompilerError => e !== undefined),
    };
  }
  return { options: parsed.options };
}
