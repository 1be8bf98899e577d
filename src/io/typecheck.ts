import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type CompilerError,
  type CompilerReport,
  parseCompilerOutput,
  sortTypeErrors,
} from '../build/compiler-output.ts';
import { mayDeclareGlobals, shardRoots } from '../build/typecheck-shards.ts';
import {
  type ProgramInputs,
  type ProgramResult,
  parseProgramResult,
  RESULT_FORMAT,
  reusedReport,
} from '../build/program-result.ts';
import { nativeCompiler, runCompiler } from './native-compiler.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { baseCompilerConfig } from './typecheck-config.ts';
import { RACY_MS } from './write-tree.ts';

export type { CompilerError } from '../build/compiler-output.ts';

/** Where the type check keeps its state, below the project root (npm's convention for tool caches). */
export const TYPECHECK_CACHE_DIR = path.join('node_modules', '.cache', 'panelcraft');

/** The folder in the cache folder holding the generated tsconfigs and the compiler's incremental state. */
export const TYPECHECK_DIR = 'typecheck';

/**
 * Dashboards per compiler program, in at most `MAX_SHARDS` programs checked one after the other. TypeScript 7 takes
 * ~190 MB for 1 000 dashboards in one program and ~870 MB for 5 000. Measured at 1 000 (CPU of the check, user +
 * sys, cold / one file changed; the compiler's peak): one program 1.5 / 0.8 s, 190 MB; two of 500 1.65 / 1.05 s,
 * 120 MB; three 1.9 / 1.2 s, 95 MB; four of 250 2.0 / 1.3 s, 78 MB. Each program parses the libraries and the SDK's
 * declarations again on every build, also when none of its files changed.
 */
export const SHARD_ROOTS = 500;

/**
 * Programs at most. At 5 000 dashboards, ten programs of 500 (120 MB) made the check of a one-file rebuild cost
 * 4.4 s of CPU against 3.3 s for four of 1 250 (259 MB; that build's whole peak is 811 MB, within the 1 GB allowed).
 */
export const MAX_SHARDS = 4;

/**
 * Programs checked at once, at most, when each one has its incremental state (`concurrentWhenWarm`): then each
 * compiler re-checks little, and two programs of at most `SHARD_ROOTS` roots hold ~90 MB each. A build whose state is
 * missing checks its programs one after the other (a full check of one program of 500 holds ~120 MB, beside the
 * render), and so does a tree of more programs (four of 1 250 hold ~185 MB each even when warm).
 * One file changed at 1 000 dashboards (bench, medians of 3): the two programs one after the other took the rebuild
 * to 1 146 ms, against 906 ms with one program of 1 000.
 */
export const WARM_AT_ONCE = 2;

/** A check taking longer than this is stopped (a hung compiler must not hang the build). */
const TIMEOUT_MS = 10 * 60 * 1000;
/** Output beyond this is not read (the compiler is stopped): hostile sources cannot make the build hold gigabytes. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export interface TypecheckOptions {
  /** Where the state is kept. @default `<root>/node_modules/.cache/panelcraft` */
  readonly cacheDir?: string;
  /** Root files per program. @default SHARD_ROOTS */
  readonly maxRoots?: number;
  /**
   * Checks the programs at once (at most `WARM_AT_ONCE`, else one after the other) when every one has its incremental
   * state. For `build`, where the check of a small change is on the critical path; `dev` leaves the other core to the
   * next save.
   */
  readonly concurrentWhenWarm?: boolean;
  /** Stops the compiler (the promise then rejects with an `AbortError`). */
  readonly signal?: AbortSignal;
  /**
   * Keeps each program's answer beside its state, and does not run a program again whose generated tsconfig, key and
   * project files read are unchanged (one file changed at 1 000 dashboards: one program of 500 checked, not two).
   * Awaited only when a kept answer is there to compare.
   */
  readonly reuse?: Promise<ProgramInputs | undefined>;
}

export interface TypecheckOutcome {
  /** Every error, sorted by file and position, each once. */
  readonly errors: CompilerError[];
  /** Set when the configuration is broken (`errors` then holds its errors only). */
  readonly configProblem?: string;
  /** Set when the compiler cannot run at all: what is missing and how to get it. */
  readonly missing?: { readonly problem: string; readonly fix: string };
  /**
   * Files of the project the compiler read (not installed packages, not panelcraft's own): posix paths relative to
   * the root (`../` for one outside it), sorted. Editing any of them can change the result.
   */
  readonly read: string[];
  /** Compiler programs run (not those whose kept answer held). */
  readonly programs: number;
  /** Programs that ran at once, at most (1: one after the other). */
  readonly atOnce: number;
  /**
   * The compiler's wall time, from its start to its exit, summed over the programs it ran. Not the time until this
   * process had the answer: a caller rendering meanwhile hears of it only when it next yields.
   */
  readonly compilerMs: number;
}

/**
 * Type-checks the dashboard sources (and whatever they import) with TypeScript 7's compiler, run as a child
 * process on a tsconfig generated in the cache folder that `extends` the project's own `tsconfig.json` (when it has
 * one). Reports errors in files of the project only (not in node_modules), each with its position and the compiler's
 * own message, sorted. `files` are relative to the root.
 *
 * Incremental through the compiler's own state (a tsbuildinfo per shard in the cache folder): each run starts from
 * a private copy of it that replaces the kept one only after the compiler finished, so a killed, concurrent or
 * failed run leaves the old state or a whole new one; a damaged or foreign state makes the compiler start afresh.
 */
export async function typecheckProject(
  root: string,
  files: readonly string[],
  options: TypecheckOptions = {},
): Promise<TypecheckOutcome> {
  const none = { errors: [], read: [], programs: 0, atOnce: 0, compilerMs: 0 };
  if (files.length === 0) return { ...none };
  const compiler = nativeCompiler();
  if ('problem' in compiler) return { ...none, missing: compiler };
  const dir = path.join(path.resolve(root, options.cacheDir ?? TYPECHECK_CACHE_DIR), TYPECHECK_DIR);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // No cache folder: the generated tsconfig goes to a temporary folder, removed after; no state is kept.
    const temp = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-typecheck-'));
    try {
      return await checkIn(temp, root, files, options, compiler.exe);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return checkIn(dir, root, files, options, compiler.exe);
}

async function checkIn(
  dir: string,
  root: string,
  files: readonly string[],
  options: TypecheckOptions,
  exe: string,
): Promise<TypecheckOutcome> {
  const base = await baseCompilerConfig(root, exe);
  // By the path relative to the root, so a cache restored into another checkout (CI) keeps its shards.
  const shards = shardRoots(
    files.map((f) => projectPath(root).anywhere(f)),
    options.maxRoots ?? SHARD_ROOTS,
    MAX_SHARDS,
  ).map((shard) => shard.map((f) => path.resolve(root, f)));
  removeStale(dir, shards.length);
  const relative = projectPath(root);
  const facts = new GlobalFacts();
  const run = (index: number, roots: readonly string[], globals: readonly string[], exited?: () => void) =>
    checkShard(exe, root, dir, base, { index, count: shards.length, roots, globals }, relative, facts, options, exited);
  const atOnce =
    options.concurrentWhenWarm === true &&
    shards.length > 1 &&
    shards.length <= WARM_AT_ONCE &&
    shards.every((_, i) => stateHolds(stateFileOf(dir, shardName(i, shards.length, []))))
      ? shards.length
      : 1;
  const reports: ShardReport[] = [];
  if (atOnce > 1) reports.push(...(await Promise.all(shards.map((roots, i) => run(i, roots, [])))));
  else {
    // One program at a time, each started as soon as the compiler of the one before has exited: what this process
    // then does with that answer (keeping the state, reading the program's files for globals, keeping the answer;
    // ~25-30 ms of 500 dashboards) runs beside the next compiler instead of before it.
    const started: Promise<ShardReport>[] = [];
    const start = (i: number): void => {
      let next = i + 1 < shards.length;
      const exited = () => {
        if (next) start(i + 1);
        next = false;
      };
      const report = run(i, shards[i]!, [], exited);
      report.catch(() => {}); // awaited below, in order
      started[i] = report;
    };
    start(0);
    for (let i = 0; i < shards.length; i++) reports.push(await (started[i] ?? run(i, shards[i]!, [])));
  }
  let programs = reports.filter((r) => !r.reused).length;
  // A file adding to the global scope (a script, `declare global`) changes the errors of files that do not import
  // it: every shard's program must hold every such file of the full program, as roots if need be.
  if (shards.length > 1) {
    for (let round = 0; round < 4; round++) {
      const globals = [...facts.declarers(reports.flatMap((r) => r.files)).keys()].sort();
      const lacking = shards.flatMap((_, i) => {
        const own = new Set(reports[i]!.files);
        return globals.every((g) => own.has(g)) ? [] : [i];
      });
      if (lacking.length === 0) break;
      for (const i of lacking) reports[i] = await run(i, shards[i]!, globals);
      programs += lacking.filter((i) => !reports[i]!.reused).length;
    }
  }
  // The compiler's hints spell paths from the generated tsconfig's folder; the user's tsconfig is at the root.
  const fromConfig = `"${path.relative(dir, root).split(path.sep).join('/')}/`;
  const configErrors = reports.flatMap((r) =>
    r.configErrors.map((e) => ({ ...e, message: e.message.split(fromConfig).join('"./') })),
  );
  const compilerMs = reports.reduce((sum, r) => sum + r.ms, 0);
  const read = new Set<string>();
  for (const r of reports) for (const f of r.files) if (isProjectFile(f)) read.add(relative.anywhere(f));
  if (configErrors.length > 0)
    return {
      errors: sortTypeErrors(configErrors),
      configProblem: 'tsconfig.json is not valid for TypeScript 7',
      read: [...read].sort(),
      programs,
      atOnce,
      compilerMs,
    };
  // `tsc` reports the type errors of a program only when none of its files has a syntax error; else the syntax
  // errors alone. Shards add up to the full program only if that holds for them all together.
  const syntax: ShardReport[] = [];
  if (shards.length > 1)
    for (const r of reports) {
      if (!r.errors.some((e) => /^TS1\d{3}$/.test(e.code))) continue; // syntax errors are TS1xxx (not all TS1xxx are)
      programs++;
      if (await hasSyntaxErrors(exe, root, r.configFile, relative, options.signal)) syntax.push(r);
    }
  return {
    errors: sortTypeErrors((syntax.length > 0 ? syntax : reports).flatMap((r) => r.errors)),
    read: [...read].sort(),
    programs,
    atOnce,
    compilerMs,
  };
}

/** A run's temp files older than this were left by a process that was killed (a live run renames its own soon). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Removes the states of another number of shards and temp files left by killed runs: a cache only. */
function removeStale(dir: string, count: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const shard = /^shard-\d+-of-(\d+)[.-]/.exec(name);
    const file = path.join(dir, name);
    try {
      if (shard && Number(shard[1]) !== count && !name.endsWith('.tmp')) rmSync(file, { force: true });
      else if (name.endsWith('.tmp') && now - statSync(file).mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
    } catch {
      // gone already, or not ours to remove: a cache only
    }
  }
}

/** Whether the program of `configFile` has syntax errors: the compiler parsing only (`--noCheck`) reports any. */
async function hasSyntaxErrors(
  exe: string,
  root: string,
  configFile: string,
  relative: ProjectPath,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const run = await runCompiler(exe, ['-p', configFile, '--pretty', 'false', '--noCheck', '--incremental', 'false'], {
    cwd: root,
    timeoutMs: TIMEOUT_MS,
    maxOutputBytes: MAX_OUTPUT_BYTES,
    ...(signal ? { signal } : {}),
  });
  if (run.stopped === 'aborted') throw abortError();
  if (run.stopped !== undefined || run.code === undefined || run.stderr !== '')
    throw new Error(`the TypeScript 7 compiler (${exe}) failed to parse the sources: ${firstLines(run.stderr)}`);
  return parseCompilerOutput(run.stdout, relative).errors.length > 0;
}

const abortError = () => Object.assign(new Error('type check stopped'), { name: 'AbortError' });

interface ShardReport extends CompilerReport {
  /** The generated tsconfig the compiler ran on. */
  readonly configFile: string;
  /** The program's kept answer held: the compiler did not run. */
  readonly reused?: boolean;
  /** Wall time of the compiler's runs for this program (0 when the kept answer held). */
  readonly ms: number;
}

/** Installed packages, TypeScript's lib and panelcraft itself are not the project's files. */
function isProjectFile(file: string): boolean {
  const abs = path.resolve(file);
  return !abs.split(path.sep).includes('node_modules') && !abs.startsWith(PACKAGE_ROOT + path.sep);
}

/**
 * Which files of the project may declare globals (`mayDeclareGlobals`), with the sha1 of those that may: each file
 * read once per check, where the state's guard and the shards' global roots both asked for every file of every
 * program. Read synchronously: 1 000 sources take ~15 ms so, and ~160 ms through libuv's threads (four round trips
 * a file).
 */
class GlobalFacts {
  private readonly known = new Map<string, string | null>();

  /** The files of `files` (absolute) that belong to the project and may declare globals, with their sha1. */
  declarers(files: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const file of files) {
      if (!isProjectFile(file)) continue;
      const abs = path.resolve(file);
      let hash = this.known.get(abs);
      if (hash === undefined) {
        try {
          const text = readFileSync(abs, 'utf8');
          hash = mayDeclareGlobals(abs, text) ? sha1(text) : null;
        } catch {
          hash = null;
        }
        this.known.set(abs, hash);
      }
      if (hash !== null) out.set(abs, hash);
    }
    return out;
  }
}

interface Shard {
  readonly index: number;
  readonly count: number;
  readonly roots: readonly string[];
  /** Files declaring globals added as roots (see above); such a program keeps a state of its own. */
  readonly globals: readonly string[];
}

/** The name of a shard's generated tsconfig and state, without extension. */
function shardName(index: number, count: number, globals: readonly string[]): string {
  return `shard-${index + 1}-of-${count}${globals.length > 0 ? '-globals' : ''}`;
}

const stateFileOf = (dir: string, name: string) => path.join(dir, `${name}.tsbuildinfo`);

async function checkShard(
  exe: string,
  root: string,
  dir: string,
  base: Record<string, unknown>,
  shard: Shard,
  relative: ProjectPath,
  facts: GlobalFacts,
  options: TypecheckOptions,
  /** Called once the compiler is done with this program (or not needed), before its answer is kept. */
  exited?: () => void,
): Promise<ShardReport> {
  const { signal } = options;
  const name = shardName(shard.index, shard.count, shard.globals);
  const configFile = path.join(dir, `${name}.tsconfig.json`);
  const stateFile = stateFileOf(dir, name);
  const resultFile = `${stateFile}.result.json`;
  const baseOptions = (base.compilerOptions ?? {}) as Record<string, unknown>;
  const config = {
    ...base,
    compilerOptions: {
      ...baseOptions,
      noEmit: true,
      // Settings for emitting a project's own build, which a check that emits nothing must not trip over.
      emitDeclarationOnly: false,
      // Statistics cost the compiler a fifth to a third of a cold check's CPU (TypeScript 7.0.2, a program of 500
      // dashboards: 0.71 against 0.47 s, medians of 7), and nothing here reads them.
      diagnostics: false,
      extendedDiagnostics: false,
      // Nothing is emitted: the project's rootDir (and TypeScript 7's default, this config's folder) must not refuse
      // dashboards outside it.
      rootDir: path.parse(root).root,
      incremental: true,
      tsBuildInfoFile: stateFile,
    },
    files: [...new Set([...shard.roots, ...shard.globals])],
    include: [],
  };
  const configText = `${JSON.stringify(config, null, 2)}\n`;
  writeAtomic(configFile, configText);
  const configHash = sha1(configText);
  const kept = options.reuse && readResult(resultFile);
  if (kept) {
    const inputs = await options.reuse.catch(() => undefined); // no inputs: the compiler runs
    const reused = inputs && reusedReport(kept, configHash, inputs);
    if (reused) {
      exited?.();
      return { ...reused, configFile, reused: true, ms: 0 };
    }
  }
  let ms = 0;
  const guard = heldGuard(stateFile);
  for (const fromState of guard ? [true, false] : [false]) {
    const temp = `${stateFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let copied = false;
    if (fromState) {
      try {
        copyFileSync(stateFile, temp);
        copied = true;
      } catch {
        // no state yet: a full check
      }
    }
    const args = [
      ...['-p', configFile, '--pretty', 'false', '--listFiles', '--singleThreaded'],
      ...['--tsBuildInfoFile', temp],
    ];
    let run: Awaited<ReturnType<typeof runCompiler>>;
    const startedAt = Date.now();
    const began = performance.now();
    try {
      run = await runCompiler(exe, args, {
        cwd: root,
        timeoutMs: TIMEOUT_MS,
        maxOutputBytes: MAX_OUTPUT_BYTES,
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    ms += performance.now() - began;
    if (run.stopped === 'aborted') {
      rmSync(temp, { force: true });
      throw abortError();
    }
    const parsed = run.stopped === undefined ? parseCompilerOutput(run.stdout, relative) : undefined;
    const report = parsed && { ...parsed, files: parsed.files.map((f) => path.resolve(root, f)) };
    // Exit 0: no errors; 1 and 2: errors reported. Anything else (a crash, a kill) is not a result.
    const answered = report !== undefined && (run.code === 0 || run.code === 1 || run.code === 2) && run.stderr === '';
    if (answered && (run.code === 0 || report.errors.length + report.configErrors.length > 0 || !copied)) {
      // A file that may declare globals joined the program since the state was kept (a new import of it): TypeScript
      // 7.0.2 keeps the other files' old results (a global it declares still reported missing), so once more without
      // the state. Only a run from a state reads the program's files for this before the next program starts.
      const declarers = copied ? facts.declarers(report.files) : undefined;
      if (declarers && guard && [...declarers.keys()].some((file) => !Object.hasOwn(guard.globals, file))) {
        rmSync(temp, { force: true });
        continue;
      }
      exited?.();
      keepState(temp, stateFile, declarers ?? facts.declarers(report.files));
      if (options.reuse)
        keepResult(resultFile, configHash, await options.reuse.catch(() => undefined), report, startedAt);
      return { ...report, configFile, ms };
    }
    rmSync(temp, { force: true });
    // The compiler failed; it may be the state it was given (a state only ever costs time): once more without it.
    if (copied) continue;
    const why =
      run.stopped === 'timeout'
        ? `took longer than ${TIMEOUT_MS / 1000} s and was stopped`
        : run.stopped === 'output'
          ? `printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB and was stopped`
          : `exited with code ${run.code ?? 'none'}${run.stderr.trim() ? `: ${firstLines(run.stderr)}` : ''}`;
    throw new Error(`the TypeScript 7 compiler (${exe}) ${why}`);
  }
  throw new Error('unreachable');
}

/**
 * Beside each kept state: the hash of that state and of every file of its program that may declare globals.
 * TypeScript 7's incremental check misses that a file stopped declaring a global (a file using it keeps its old,
 * clean result; seen with 7.0.2), so a state is used only while each of those files is unchanged.
 */
interface StateGuard {
  readonly state: string;
  readonly globals: Readonly<Record<string, string>>;
}

const guardFile = (stateFile: string) => `${stateFile}.guard.json`;
const sha1 = (bytes: Buffer | string) => createHash('sha1').update(bytes).digest('hex');

function hashOrNone(file: string): string {
  try {
    return sha1(readFileSync(file));
  } catch {
    return 'none';
  }
}

/** Whether the kept state may be used: its guard is for these bytes and the files declaring globals are unchanged. */
function stateHolds(stateFile: string): boolean {
  return heldGuard(stateFile) !== undefined;
}

/** The guard of the kept state, when it may be used. */
function heldGuard(stateFile: string): StateGuard | undefined {
  try {
    const guard = JSON.parse(readFileSync(guardFile(stateFile), 'utf8')) as StateGuard;
    if (typeof guard.state !== 'string' || typeof guard.globals !== 'object' || guard.globals === null)
      return undefined;
    if (hashOrNone(stateFile) !== guard.state) return undefined;
    return Object.entries(guard.globals).every(([file, hash]) => hashOrNone(file) === hash) ? guard : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the run's state the kept one (atomic renames; the guard first names the new state, so a race costs time).
 * `declarers`: the files of its program that may declare globals, with their sha1.
 */
function keepState(temp: string, stateFile: string, declarers: ReadonlyMap<string, string>): void {
  try {
    const globals = Object.fromEntries([...declarers].sort(([a], [b]) => (a < b ? -1 : 1)));
    writeAtomic(guardFile(stateFile), JSON.stringify({ state: hashOrNone(temp), globals } satisfies StateGuard));
    renameSync(temp, stateFile);
  } catch {
    rmSync(temp, { force: true }); // a cache only
  }
}

/**
 * A kept answer larger than this is not read (one program of 1 250 dashboards keeps ~0.3 MB): the cache folder is
 * outside panelcraft's control like any other file.
 */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;

/** The kept answer of a program, if its file holds one. */
function readResult(file: string): ProgramResult | undefined {
  try {
    if (statSync(file).size > MAX_RESULT_BYTES) return undefined;
    return parseProgramResult(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Keeps a program's answer with the hashes of the project files it read (installed packages, TypeScript's lib and
 * panelcraft are in the key). Those are hashed after the run, so an answer is kept only when none of them was
 * modified since shortly before the run started (`RACY_MS`): one edited while the compiler ran would be kept with
 * bytes the compiler never saw.
 */
function keepResult(
  file: string,
  config: string,
  inputs: ProgramInputs | undefined,
  report: CompilerReport,
  startedAt: number,
): void {
  if (inputs === undefined) return;
  try {
    const read = report.files.filter(isProjectFile);
    if (read.some((f) => statSync(f).mtimeMs > startedAt - RACY_MS)) {
      rmSync(file, { force: true }); // the kept answer is of older bytes: not to be compared again
      return;
    }
    const result: ProgramResult = {
      format: RESULT_FORMAT,
      key: inputs.key,
      config,
      inputs: read.map((f) => [f, inputs.hashOf(f)] as const),
      errors: report.errors,
      configErrors: report.configErrors,
      files: report.files,
    };
    writeAtomic(file, JSON.stringify(result));
  } catch {
    // a cache only
  }
}

const firstLines = (text: string) => text.trim().split('\n').slice(0, 12).join('\n');

interface ProjectPath {
  /** A path as the compiler printed it, below the root and not installed: posix, relative to the root. */
  (printed: string): string | undefined;
  /** Any path, relative to the root (`../` for one outside it), posix. */
  anywhere(file: string): string;
}

function projectPath(root: string): ProjectPath {
  const anywhere = (file: string) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
  const below = (printed: string): string | undefined => {
    const rel = anywhere(printed);
    if (rel.startsWith('../') || path.isAbsolute(rel) || rel.split('/').includes('node_modules')) return undefined;
    return rel;
  };
  below.anywhere = anywhere;
  return below;
}

/** A temp file renamed over the old one: a reader sees the old contents or the new, never half. */
function writeAtomic(file: string, text: string): void {
  try {
    if (readFileSync(file, 'utf8') === text) return;
  } catch {
    // not there yet
  }
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
