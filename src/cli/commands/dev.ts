import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';
import type { BuildMemo } from '../../tooling/build-tree.ts';
import { buildProject, OUT_DIR, writeProject } from '../../tooling/build-project.ts';
import { DashboardCache } from '../../io/dashboard-cache.ts';
import type { HashCache } from '../../io/write-tree.ts';
import { watchPaths, type ChangeBatch } from '../../io/watch-paths.ts';
import { hasErrors } from '../../model/diagnostic.ts';
import { EXIT_OK, type CliContext, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';

/** What `dev` watches below the root. */
const WATCHED = { dirs: ['dashboards', 'src'], files: ['panelcraft.yaml'] } as const;

/**
 * `panelcraft dev [--root DIR]`: builds once, then rebuilds on every change to `dashboards/`, `src/` or
 * `panelcraft.yaml`, through the same `buildProject` + `writeProject` path as `panelcraft build`. A build with
 * errors writes nothing, so the last good output stays; the diagnostics are printed and the next good save
 * recovers. Runs until SIGINT or SIGTERM, then exits 0.
 */
export const dev: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: { root: { type: 'string' }, 'no-typecheck': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const root = projectRoot(ctx, values.root);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runDev(root, ctx, stop.signal, { typecheck: !values['no-typecheck'] });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return EXIT_OK;
};

/** The watch loop; resolves once `signal` aborts and the build in flight has finished. */
export async function runDev(
  root: string,
  ctx: CliContext,
  signal: AbortSignal,
  options: { readonly typecheck?: boolean } = {},
): Promise<void> {
  const cache = new DashboardCache(root);
  const memo: BuildMemo = new WeakMap();
  const hashes: HashCache = new Map();
  const typecheck = options.typecheck !== false;
  let running: Promise<void> | undefined;
  let queued: Set<string> | 'unknown' | undefined;

  const merge = (a: typeof queued, b: ChangeBatch): Set<string> | 'unknown' =>
    a === 'unknown' || b === 'unknown' ? 'unknown' : new Set([...(a ?? []), ...b]);

  const schedule = (changed: ChangeBatch) => {
    queued = merge(queued, changed);
    if (running || signal.aborted) return;
    running = (async () => {
      while (queued !== undefined && !signal.aborted) {
        const batch = queued;
        queued = undefined;
        await rebuild(root, ctx, { cache, memo, hashes, typecheck }, batch);
        // Helpers a dashboard imports from anywhere (not only dashboards/ and src/) are watched from now on.
        watcher.watchFiles(cache.inputs);
      }
      running = undefined;
    })();
  };

  ctx.stdout(
    `panelcraft dev: watching dashboards/, src/, panelcraft.yaml and every file a dashboard imports in ${root} (Ctrl-C to stop)\n`,
  );
  const watcher = watchPaths(root, WATCHED, schedule);
  schedule('unknown');
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  watcher.close();
  await running;
  ctx.stdout('panelcraft dev: stopped\n');
}

/** What `dev` keeps between rebuilds so a save only reloads, renders and re-reads what changed. */
interface DevState {
  readonly cache: DashboardCache;
  readonly memo: BuildMemo;
  readonly hashes: HashCache;
  readonly typecheck: boolean;
}

async function rebuild(
  root: string,
  ctx: CliContext,
  { cache, memo, hashes, typecheck }: DevState,
  changed: ChangeBatch,
): Promise<void> {
  const t0 = performance.now();
  try {
    const { loaded, reloaded } = await cache.load(changed);
    const build = await buildProject({ root, memo, typecheck }, loaded);
    const outcome = await writeProject(root, build, { hashCache: hashes });
    const ms = Math.round(performance.now() - t0);
    const text = formatDiagnostics(outcome.diagnostics);
    if (text !== '') ctx.stderr(text);
    if (hasErrors(outcome.diagnostics)) {
      ctx.stderr(
        `panelcraft dev: ${countLine(outcome.diagnostics)}; nothing written, ${OUT_DIR}/ keeps the last good output. Waiting for changes…\n`,
      );
      return;
    }
    const { writes, deletes } = outcome.plan;
    ctx.stdout(
      `panelcraft dev: built ${build.dashboards.length} dashboards (${reloaded} reloaded) in ${ms} ms → ${OUT_DIR}/ (${writes.length} written, ${deletes.length} deleted)\n`,
    );
  } catch (err) {
    // Never exit on a rebuild: report and wait for the next save.
    ctx.stderr(
      `panelcraft dev: rebuild failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nWaiting for changes…\n`,
    );
  }
}
