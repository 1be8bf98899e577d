import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

/** The npm alias panelcraft depends on for TypeScript 7 (the native compiler); `typescript` stays 5.9 for tools. */
export const NATIVE_PACKAGE = 'typescript-native';

/** The TypeScript 7 compiler binary, or what is missing and how to get it. */
export type NativeCompiler =
  | { readonly exe: string; readonly version: string }
  | { readonly problem: string; readonly fix: string };

let found: NativeCompiler | undefined;

/**
 * The compiler's executable: `@typescript/typescript-<platform>-<arch>/lib/tsc`, resolved from the TypeScript 7
 * package's own location as its `lib/getExePath.js` does, and run directly (no Node process in between).
 */
export function nativeCompiler(
  /** Where panelcraft is installed, and the platform (tests). */
  from = PACKAGE_ROOT,
  platform: string = process.platform,
  arch: string = process.arch,
): NativeCompiler {
  const usual = from === PACKAGE_ROOT && platform === process.platform && arch === process.arch;
  if (usual && found) return found;
  const platformPackage = `@typescript/typescript-${platform}-${arch}`;
  let manifest: string;
  try {
    manifest = createRequire(path.join(from, 'package.json')).resolve(`${NATIVE_PACKAGE}/package.json`);
  } catch {
    return {
      problem: `the TypeScript 7 compiler is not installed (npm package ${NATIVE_PACKAGE}, an alias of typescript@7)`,
      fix: 'run `npm install` in the project (panelcraft depends on it)',
    };
  }
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  let exe: string | undefined;
  try {
    const platformManifest = createRequire(manifest).resolve(`${platformPackage}/package.json`);
    exe = path.join(path.dirname(platformManifest), 'lib', platform === 'win32' ? 'tsc.exe' : 'tsc');
  } catch {
    exe = undefined;
  }
  if (exe === undefined || !existsSync(exe)) {
    return {
      problem: `the TypeScript 7 compiler binary for this platform is missing: ${platformPackage} (an optional dependency of typescript@${version}) is not installed`,
      fix: `install without \`--omit=optional\` (e.g. \`npm install\`), or add it: \`npm install -D ${platformPackage}@${version}\``,
    };
  }
  const compiler = { exe, version };
  if (usual) found = compiler;
  return compiler;
}

export interface CompilerRun {
  /** Exit code, or `undefined` when the run was stopped (signal, timeout, output cap). */
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Why it was stopped, when it was. */
  readonly stopped?: 'aborted' | 'timeout' | 'output';
}

export interface RunOptions {
  readonly cwd: string;
  readonly signal?: AbortSignal;
  /** Killed after this long. */
  readonly timeoutMs: number;
  /** Killed when stdout and stderr together pass this many bytes. */
  readonly maxOutputBytes: number;
}

/** Children still running, killed when this process exits however it exits (no orphan compilers). */
const live = new Set<ChildProcess>();
/** Their output files' folders, removed then too. */
const spills = new Set<string>();
let exitHook = false;

/** How often the size of a running compiler's output file is checked against the cap. */
const OUTPUT_POLL_MS = 50;

/** Process ids of the compilers this process started and that still run. */
export function liveCompilers(): number[] {
  return [...live].flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
}

/** Where a compiler's standard output goes, and what it got. */
interface OutputSink {
  readonly stdio: 'pipe' | number;
  /** Bytes written so far. */
  size(): number;
  /** A chunk read from the pipe (a pipe's only). */
  push?(chunk: Buffer): void;
  /** At most `limit` bytes of it; releases the sink. */
  take(limit: number): Buffer;
}

/** A file in a temporary folder of the OS, or `undefined` when none can be made (then a pipe). */
function fileSink(): OutputSink | undefined {
  let spill: string;
  let fd: number;
  try {
    spill = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-compiler-'));
  } catch {
    return undefined;
  }
  try {
    fd = openSync(path.join(spill, 'stdout'), 'w+');
  } catch {
    rmSync(spill, { recursive: true, force: true });
    return undefined;
  }
  spills.add(spill);
  return {
    stdio: fd,
    size: () => fstatSync(fd).size,
    take(limit) {
      const out = Buffer.allocUnsafe(Math.min(limit, fstatSync(fd).size));
      let read = 0;
      try {
        while (read < out.length) {
          const n = readSync(fd, out, read, out.length - read, read);
          if (n === 0) break;
          read += n;
        }
      } finally {
        closeSync(fd);
        rmSync(spill, { recursive: true, force: true });
        spills.delete(spill);
      }
      return out.subarray(0, read);
    },
  };
}

function pipeSink(): OutputSink {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    stdio: 'pipe',
    size: () => size,
    push(chunk) {
      size += chunk.length;
      chunks.push(chunk);
    },
    take: (limit) => Buffer.concat(chunks).subarray(0, limit),
  };
}

/**
 * The Go collector's target for the compiler: collect once the heap grew by 400 % over what survived (Go's default is
 * 100 %). Most of what a check allocates (syntax trees, types) lives to its end, so a higher target saves collections
 * of the same live heap for little more memory. One program, alone, CPU (user + sys) and peak: 475 dashboards 0.62 ->
 * 0.50 s, 110 -> 112 MB; 1 219 dashboards 1.51 -> 1.23 s, 231 -> 256 MB. A GOGC the user set is kept.
 */
const COMPILER_GOGC = '400';

/** The compiler's environment: this process's, with COMPILER_GOGC unless GOGC is set. */
export function compilerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.GOGC === undefined ? { ...env, GOGC: COMPILER_GOGC } : env;
}

/**
 * Runs the compiler binary with `args`; never rejects for the compiler's own failures.
 *
 * Its standard output goes to a file in a temporary folder (removed after), not a pipe: a pipe holds 64 KB, and a
 * check's `--listFiles` prints more (~50 KB for 500 dashboards, more with longer paths), so the compiler waited,
 * holding its ~120 MB, until this thread read the pipe, which it does only between renders: it held them through a
 * whole render (seen at 1 000 dashboards: 112 MB for 1.3 s at the process tree's peak). The cap on the output is
 * checked on the file's size every 50 ms while this thread is free, and at the end; at most the cap is read.
 * Without a temporary folder it can write to, a pipe as before.
 */
export function runCompiler(exe: string, args: readonly string[], options: RunOptions): Promise<CompilerRun> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ code: undefined, stdout: '', stderr: '', stopped: 'aborted' });
      return;
    }
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => {
        for (const child of live) child.kill('SIGKILL');
        for (const dir of spills) rmSync(dir, { recursive: true, force: true });
      });
    }
    const sink = fileSink() ?? pipeSink();
    let child: ChildProcess;
    try {
      child = spawn(exe, [...args], {
        cwd: options.cwd,
        stdio: ['ignore', sink.stdio, 'pipe'],
        windowsHide: true,
        env: compilerEnv(process.env),
      });
    } catch (err) {
      sink.take(0);
      throw err;
    }
    live.add(child);
    const err: Buffer[] = [];
    let errSize = 0;
    let stopped: CompilerRun['stopped'];
    const stop = (why: NonNullable<CompilerRun['stopped']>) => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const overCap = () => errSize + sink.size() > options.maxOutputBytes;
    child.stderr!.on('data', (chunk: Buffer) => {
      errSize += chunk.length;
      if (overCap()) stop('output');
      else err.push(chunk);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (stopped === undefined) sink.push?.(chunk);
      if (overCap()) stop('output');
    });
    const poll = setInterval(() => {
      if (overCap()) stop('output');
    }, OUTPUT_POLL_MS);
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    const done = (code: number | null, error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(poll);
      options.signal?.removeEventListener('abort', onAbort);
      live.delete(child);
      const room = Math.max(0, options.maxOutputBytes - errSize);
      if (sink.size() > room) stopped ??= 'output';
      const out = sink.take(room);
      resolve({
        code: stopped || code === null ? undefined : code,
        stdout: out.toString('utf8'),
        stderr: `${Buffer.concat(err).toString('utf8')}${error ? error.message : ''}`,
        ...(stopped ? { stopped } : {}),
      });
    };
    child.once('error', (e) => done(null, e));
    child.once('close', (code) => done(code));
  });
}
