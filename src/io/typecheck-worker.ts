/**
 * The type checker's thread (`worker_threads`): answers `{ id, root, files, options }` with
 * `{ id, outcome }` or `{ id, error }`, one request at a time, for as long as its parent keeps it. Between requests it
 * keeps the parsed declaration files, so `dev` pays for them once. Started by `src/io/typecheck-thread.ts`.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import {
  parseAhead,
  type PreparedCheck,
  prepareTypecheck,
  type TypecheckOptions,
  typecheckProject,
  warmUpTypecheck,
} from './typecheck.ts';

export interface TypecheckRequest {
  readonly id: number;
  readonly root: string;
  readonly files: readonly string[];
  readonly options: TypecheckOptions;
  /** A long-lived caller (`dev`): after a check that parsed nothing, parse the declarations for the next one. */
  readonly warm?: boolean;
  /**
   * `'prepare'`: no check yet, only prepare one of `root` (`prepareTypecheck`; `files` unused) and answer nothing.
   * A number: the id of that prepare request, whose work this check takes over (when its root and cache match).
   */
  readonly prepared?: 'prepare' | number;
}

/**
 * Each batch's program is garbage once the next starts, but V8 lets the heap grow far past what is live before it
 * collects (peak RSS then grows with the number of batches, not with the batch). A full collection when the heap
 * passes this bound keeps the thread's peak near one batch's working set. Live after a batch: ~150 MB (compiler,
 * shared declaration files) plus the stored results. Measured (checks alone, thread + caller, load ~5): 1 000
 * dashboards 370-377 MB at 200 MB against 452-484 MB at 320 MB, 5 000 388 MB against 499 MB, times within noise.
 */
const COLLECT_ABOVE_BYTES = 200 * 1024 * 1024;

const collect = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    return () => {
      if (process.memoryUsage().heapUsed > COLLECT_ABOVE_BYTES) gc();
    };
  } catch {
    return undefined;
  }
})();

/** The last check prepared and not yet taken, by the id of its request. */
let prepared: { readonly id: number; readonly check: PreparedCheck } | undefined;

parentPort?.on('message', (request: TypecheckRequest) => {
  const ahead = prepared?.id === request.prepared ? prepared?.check : undefined;
  prepared = undefined; // a prepared check holds the hashes of its moment: for the next request only
  if (request.prepared === 'prepare') {
    let check: PreparedCheck;
    try {
      check = prepareTypecheck(request.root, request.options);
    } catch {
      return; // the check itself will run into the same problem and report it
    }
    prepared = { id: request.id, check };
    // Messages already waiting are handled before this (a check that came early starts at once, parsing for
    // itself); a check that comes during the parse finds the declarations parsed.
    setImmediate(() => {
      if (prepared?.check !== check) return;
      try {
        parseAhead(check);
      } catch {
        // a head start only
      }
    });
    return;
  }
  try {
    let save: (() => void) | undefined;
    const options = {
      ...request.options,
      ...(collect ? { afterBatch: collect } : {}),
      saveLater: (s: () => void) => {
        save = s;
      },
    };
    const outcome = typecheckProject(request.root, request.files, options, ahead);
    // The answer first, then the results file (the caller keeps this thread running until `saved`).
    parentPort?.postMessage({ id: request.id, outcome, saving: save !== undefined });
    if (save) {
      try {
        save();
      } finally {
        parentPort?.postMessage({ id: request.id, saved: true });
      }
    }
    // Nothing was parsed (every result reused): parse now, while idle, not on the next request.
    if (request.warm && outcome.reused > 0 && outcome.checked === 0) warmUpTypecheck(request.root, request.files);
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
