import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './package-root.ts';
import type { TypecheckOptions, TypecheckOutcome } from './typecheck.ts';
import type { TypecheckRequest } from './typecheck-worker.ts';

/**
 * A type checker on its own thread, so the check runs beside loading and rendering (the machine's second core)
 * instead of before them. One thread serves many checks (`dev`), one at a time; it keeps the parsed declaration
 * files between them. When no thread can be started, or it dies, checks run on the calling thread instead: slower,
 * same result.
 */
export class TypecheckThread {
  #worker: Worker | undefined;
  #broken = false;
  #next = 1;
  readonly #pending = new Map<number, Waiting>();
  /** Answered checks whose results the thread is still writing (it stays referenced until they are written). */
  readonly #saving = new Set<number>();
  /** Called once no results are being written. */
  #onSaved: (() => void)[] = [];

  /**
   * Starts the thread now (it loads the compiler while the caller does other work). `entry` replaces the thread's
   * module (tests; `null`: no thread).
   */
  constructor(entry: WorkerEntry | null = workerEntry() ?? null) {
    this.#worker = this.#start(entry);
  }

  /** Whether checks run on a thread of their own (false after a failure to start or a crash: then on the caller's). */
  get threaded(): boolean {
    return this.#worker !== undefined && !this.#broken;
  }

  /**
   * `typecheckProject(root, files, options)` on the thread. Rejects only as that would (a compiler crash, with the
   * thread's stack), never for a thread problem.
   */
  check(
    root: string,
    files: readonly string[],
    options: TypecheckOptions = {},
    { warm = false, prepared }: { readonly warm?: boolean; readonly prepared?: number } = {},
  ): Promise<TypecheckOutcome> {
    const request: TypecheckRequest = {
      id: this.#next++,
      root,
      files: [...files],
      options,
      ...(warm ? { warm } : {}),
      ...(prepared !== undefined ? { prepared } : {}),
    };
    const worker = this.#worker;
    if (!worker || this.#broken) return onThisThread().then((check) => check(root, files, options));
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject, request });
      worker.ref();
      worker.postMessage(request);
    });
  }

  /**
   * Has the thread do now what a check of `root` needs whatever its files (load the compiler, read the stored
   * results, parse the declaration files), while the caller finds out whether it needs a check at all. Returns the
   * token a `check` passes to take that work over; any other request in between drops it. Without a thread: nothing.
   */
  prepare(root: string, options: Pick<TypecheckOptions, 'cacheDir'> = {}): number {
    const id = this.#next++;
    const worker = this.#worker;
    if (worker && !this.#broken) worker.postMessage({ id, root, files: [], options, prepared: 'prepare' });
    return id;
  }

  /**
   * Stops the thread when no check is waiting for it (a build whose prepared check turned out not to be needed);
   * the next `typecheckThread()` starts another.
   */
  stopIfIdle(): void {
    if (this.#pending.size === 0 && this.#saving.size === 0) void this.close();
  }

  /**
   * Resolves once the thread has written the results of every check it answered (it answers first and writes
   * after): a caller about to return, whose files may be deleted next (a test's temp folder), waits for this.
   */
  saved(): Promise<void> {
    if (this.#saving.size === 0 || this.#broken || !this.#worker) return Promise.resolve();
    return new Promise((resolve) => this.#onSaved.push(resolve));
  }

  #saved(): void {
    const waiting = this.#onSaved;
    this.#onSaved = [];
    for (const resolve of waiting) resolve();
  }

  /** Stops the thread; checks still pending finish on the calling thread. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
    this.#fallBack();
  }

  /**
   * Stops the thread now and drops the checks still pending (they reject): for a process that is ending and no
   * longer wants their answers (`dev` on Ctrl-C), which `close()` would make wait for them.
   */
  async abandon(): Promise<void> {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    const worker = this.#worker;
    this.#worker = undefined;
    for (const { reject } of pending) reject(new Error('type check abandoned'));
    if (worker) await worker.terminate();
  }

  #start(entry: WorkerEntry | null): Worker | undefined {
    if (!entry) return undefined;
    let worker: Worker;
    try {
      worker = new Worker(entry.url, { execArgv: [...entry.execArgv], env: process.env });
    } catch {
      return undefined;
    }
    worker.unref();
    worker.on('message', (m: { id: number; outcome?: TypecheckOutcome; error?: string; saving?: boolean }) => {
      if ('saved' in m) {
        // The thread wrote the results of an answered check: the process may now end without losing them.
        this.#saving.delete(m.id);
        if (this.#pending.size === 0 && this.#saving.size === 0) worker.unref();
        if (this.#saving.size === 0) this.#saved();
        return;
      }
      const waiting = this.#pending.get(m.id);
      if (!waiting) return;
      this.#pending.delete(m.id);
      if (m.saving) this.#saving.add(m.id);
      if (this.#pending.size === 0 && this.#saving.size === 0) worker.unref();
      if (m.outcome) waiting.resolve(m.outcome);
      else waiting.reject(new Error(`type check failed: ${m.error ?? 'no answer'}`));
    });
    const broken = () => {
      this.#broken = true;
      this.#saving.clear();
      this.#saved();
      this.#fallBack();
    };
    worker.on('error', broken);
    worker.on('exit', broken);
    return worker;
  }

  /** Runs every pending check on this thread. */
  #fallBack(): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    if (pending.length === 0) return;
    void onThisThread().then(
      (check) => {
        for (const { resolve, reject, request } of pending) {
          try {
            resolve(check(request.root, request.files, request.options));
          } catch (err) {
            reject(err);
          }
        }
      },
      (err: unknown) => {
        for (const { reject } of pending) reject(err);
      },
    );
  }
}

/**
 * The checker for this thread, loaded on first need: with the check on its own thread, the calling thread never
 * loads TypeScript (0.3 s and some 60 MB of a build).
 */
const onThisThread = async () => (await import('./typecheck.ts')).typecheckProject;

let shared: TypecheckThread | undefined;

/**
 * The process's type-check thread, started on first use and kept (idle, it does not keep the process alive): every
 * build of a process (each save in `dev`, a test run) reuses its parsed declaration files.
 */
export function typecheckThread(): TypecheckThread {
  if (!shared?.threaded) shared = new TypecheckThread();
  return shared;
}

/**
 * Resolves once the process's type-check thread has written the results of the checks it answered; starts no
 * thread (one started and never used can keep the process from ending).
 */
export function typecheckResultsSaved(): Promise<void> {
  return shared ? shared.saved() : Promise.resolve();
}

/** The module a thread runs, and its Node options. */
export interface WorkerEntry {
  readonly url: URL;
  readonly execArgv: readonly string[];
}

interface Waiting {
  readonly resolve: (outcome: TypecheckOutcome) => void;
  readonly reject: (err: unknown) => void;
  readonly request: TypecheckRequest;
}

/**
 * The thread's module: the compiled `typecheck-worker.js` beside this file (an install), the bundled
 * `typecheck-worker.mjs` beside the chunks of bin/panelcraft.js's bundle, or, running from this repository's sources
 * (tsx, vitest), `src/io/typecheck-worker.ts` through tsx's loader.
 */
function workerEntry(): WorkerEntry | undefined {
  const here = import.meta.url;
  if (here.endsWith('.js')) {
    const compiled = new URL('./typecheck-worker.js', here);
    if (existsSync(fileURLToPath(compiled))) return { url: compiled, execArgv: [] };
  }
  if (here.endsWith('.mjs')) {
    // The CLI bundle of this repository's sources (bin/panelcraft.js) holds the thread's module beside its chunks.
    const bundled = new URL('./typecheck-worker.mjs', here);
    if (existsSync(fileURLToPath(bundled))) return { url: bundled, execArgv: [] };
  }
  const source = path.join(PACKAGE_ROOT, 'src', 'io', 'typecheck-worker.ts');
  if (!existsSync(source)) return undefined;
  let tsxApi: string;
  try {
    // The ESM entry of tsx's API (the CommonJS one cannot register hooks for a thread's imports).
    tsxApi = createRequire(path.join(PACKAGE_ROOT, 'package.json'))
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
  } catch {
    return undefined;
  }
  const code = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(source).href)});\n`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(code)}`), execArgv: [] };
}
