/**
 * The type checker's thread (`worker_threads`): answers `{ id, root, files, options }` with
 * `{ id, outcome }` or `{ id, error }`, one request at a time, for as long as its parent keeps it. Between requests it
 * keeps the parsed declaration files, so `dev` pays for them once. Started by `src/io/typecheck-thread.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { typecheckProject, type TypecheckOptions } from './typecheck.ts';

export interface TypecheckRequest {
  readonly id: number;
  readonly root: string;
  readonly files: readonly string[];
  readonly options: TypecheckOptions;
}

parentPort?.on('message', (request: TypecheckRequest) => {
  try {
    const outcome = typecheckProject(request.root, request.files, request.options);
    parentPort?.postMessage({ id: request.id, outcome });
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
