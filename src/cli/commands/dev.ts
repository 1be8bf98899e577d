import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';
import { cacheDirOption } from '../cache-dir.ts';
import type { BuildMemo } from '../../tooling/build-tree.ts';
import path from 'node:path';
import { buildProject, OUT_DIR, outputRoots, writeProject } from '../../tooling/build-project.ts';
import { KeptDiskState } from '../../io/kept-disk-state.ts';
import { type CacheLookup, DashboardCache } from '../../io/dashboard-cache.ts';
import { loadConfig } from '../../io/load-config.ts';
import { cachedRenders } from '../../tooling/cached-renders.ts';
import type { HashCache } from '../../io/write-tree.ts';
import { watchPaths, type ChangeBatch } from '../../io/watch-paths.ts';
import { hasErrors } from '../../model/diagnostic.ts';
import { EXIT_OK, type CliContext, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';
import { checkTypes, type TypeCheck } from '../../tooling/type-diagnostics.ts';

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
    options: {
      root: { type: 'string' },
      'no-typecheck': { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const root = projectRoot(ctx, values.root);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runDev(root, ctx, stop.signal, {
      typecheck: !values['no-typecheck'],
      ...cacheDirOption(ctx, values['cache-dir']),
    });
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
  options: { readonly typecheck?: boolean; readonly cacheDir?: string } = {},
): Promise<void> {
  const hashes: HashCache = new Map();
  const inputHashes: HashCache = new Map();
  const lookup: CacheLookup = async (sources) =>
    cachedRenders(root, (await loadConfig(root)).config, sources, {
      hashCache: hashes,
      inputHashes,
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    });
  const outputDirs = outputRoots((await loadConfig(root)).config).map((r) => path.resolve(root, r));
  const state: DevState = {
    outputDirs,
    disk: new KeptDiskState(new Set(outputDirs)),
    cache: new DashboardCache(root, lookup),
    memo: new WeakMap(),
    hashes,
    inputHashes,
    typecheck: options.typecheck !== false,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    builds: 0,
    stopped: false,
    typeReports: new Set(),
    checking: undefined,
  };
  let running: Promise<void> | undefined;
  let queued: Set<string> | 'unknown' | undefined;
  /** Imported files handed to the watcher so far: a save hands over only the ones it found new. */
  const watched = new Set<string>();

  const merge = (a: typeof queued, b: ChangeBatch): Set<string> | 'unknown' =>
    a === 'unknown' || b === 'unknown' ? 'unknown' : new Set([...(a ?? []), ...b]);

  const schedule = (changed: ChangeBatch) => {
    queued = merge(queued, changed);
    if (running || signal.aborted) return;
    running = (async () => {
      while (queued !== undefined && !signal.aborted) {
        const batch = queued;
        queued = undefined;
        await rebuild(root, ctx, state, batch);
        // Helpers a dashboard imports from anywhere (not only dashboards/ and src/) are watched from now on.
        const fresh = [...state.cache.inputs].filter((f) => !watched.has(f));
        for (const f of fresh) watched.add(f);
        watcher.watchFiles(fresh);
      }
      running = undefined;
    })();
  };

  ctx.stdout(
    `panelcraft dev: watching dashboards/, src/, panelcraft.yaml and every file a dashboard imports in ${root} (Ctrl-C to stop)\n`,
  );
  const watcher = watchPaths(root, WATCHED, schedule);
  // Changes to the output folders by anyone (a hand edit, a file dropped in, our own writes) mark what a save must
  // check on disk again; the rest of what it knows of them stays as it wrote it.
  const outWatcher = watchPaths(root, { dirs: [...state.outputDirs], files: [] }, (batch) => {
    if (batch === 'unknown') state.disk.changed('unknown');
    else for (const p of batch) state.disk.changed(path.resolve(root, p));
  });
  schedule('unknown');
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  watcher.close();
  outWatcher.close();
  await running;
  // A check still running would hold the exit: its answer is moot now, its compiler is killed.
  state.stopped = true;
  state.checking?.abort();
  await Promise.all(state.typeReports);
  ctx.stdout('panelcraft dev: stopped\n');
}

/** What `dev` keeps between rebuilds so a save only reloads, renders, checks and re-reads what changed. */
interface DevState {
  readonly cache: DashboardCache;
  /** The output folders (absolute) of the config at start, watched for changes by others. */
  readonly outputDirs: readonly string[];
  /** What `dev` knows of the output folders, so a save checks on disk only what it changes. */
  readonly disk: KeptDiskState;
  readonly memo: BuildMemo;
  readonly hashes: HashCache;
  /** Hashes of the files dashboards import, for the build cache's keys (only changed files are read again). */
  readonly inputHashes: HashCache;
  readonly typecheck: boolean;
  readonly cacheDir?: string;
  /** Rebuilds started; a type check reports only if no later rebuild started meanwhile. */
  builds: number;
  /** Set once `dev` is stopping: type checks still running report nothing. */
  stopped: boolean;
  /** Type checks still to report (awaited before `dev` stops). */
  readonly typeReports: Set<Promise<void>>;
  /** Stops the compiler of the check still running (a newer save's check replaces it). */
  checking: AbortController | undefined;
}

/**
 * One rebuild. Like `vite` beside `tsc --watch`, `dev` writes as soon as the dashboards render and validate, and
 * the type check (TypeScript 7 in a child process, with the compiler's incremental state kept from the last save;
 * a newer save kills it and starts its own) reports when it is done:
 * a one-file save is written in the time of its render, not of the compiler. The build line says the check is
 * running; its outcome follows on a line of its own. `panelcraft build` waits for the check and writes nothing on
 * a type error.
 */
async function rebuild(root: string, ctx: CliContext, state: DevState, changed: ChangeBatch): Promise<void> {
  const t0 = performance.now();
  const build = ++state.builds;
  // The check still running is of the sources before this change, and a newer build started, so its answer will not
  // be shown: its compiler is stopped now, not once this rebuild's check starts, and leaves the save the other core.
  state.checking?.abort();
  try {
    const { files, loaded, reused, reloaded } = await state.cache.load(changed);
    const startCheck = () => {
      if (!state.typecheck) return undefined;
      // A save while a check runs: that check's answer is stale, its compiler is killed and this one starts.
      state.checking?.abort();
      const stop = new AbortController();
      state.checking = stop;
      const check = checkTypes(root, files, {
        ...(state.cacheDir === undefined ? {} : { cacheDir: state.cacheDir }),
        signal: stop.signal,
      });
      void check.then(
        () => {
          if (state.checking === stop) state.checking = undefined;
        },
        () => {
          if (state.checking === stop) state.checking = undefined;
        },
      );
      check.catch(() => {}); // reported below
      return check;
    };
    // The check runs beside the render when many dashboards were reloaded (the first build, a shared file); after a
    // one-file save it starts once the output is written, so its thread does not take the CPU the write waits for.
    let types = reloaded > 1 ? startCheck() : undefined;
    const built = await buildProject(
      {
        root,
        memo: state.memo,
        reused,
        inputHashes: state.inputHashes,
        deferCacheWrites: true,
        typecheck: false,
        ...(state.cacheDir === undefined ? {} : { cacheDir: state.cacheDir }),
      },
      loaded,
    );
    const outcome = await writeProject(root, built, { hashCache: state.hashes, kept: state.disk });
    types ??= startCheck();
    const ms = Math.round(performance.now() - t0);
    const text = formatDiagnostics(outcome.diagnostics);
    if (text !== '') ctx.stderr(text);
    const running = types ? '; type check running…' : '';
    if (hasErrors(outcome.diagnostics)) {
      ctx.stderr(
        `panelcraft dev: ${countLine(outcome.diagnostics)}; nothing written, ${OUT_DIR}/ keeps the last good output${types ? '; type check running' : ''}. Waiting for changes…\n`,
      );
    } else {
      const { writes, deletes } = outcome.plan;
      ctx.stdout(
        `panelcraft dev: built ${built.dashboards.length} dashboards (${reloaded} reloaded) in ${ms} ms → ${OUT_DIR}/ (${writes.length} written, ${deletes.length} deleted)${running}\n`,
      );
    }
    // Stored once the output is written and reported, so the save does not wait for it.
    await built.storeInCache?.(outcome.onDisk);
    if (types) {
      const report = reportTypes(ctx, types, outcome.written, () => !state.stopped && build === state.builds);
      state.typeReports.add(report);
      void report.finally(() => state.typeReports.delete(report));
    }
  } catch (err) {
    // Never exit on a rebuild: report and wait for the next save.
    ctx.stderr(
      `panelcraft dev: rebuild failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nWaiting for changes…\n`,
    );
  }
}

/** Prints the outcome of a save's type check, unless a later save started (its check will report instead). */
async function reportTypes(
  ctx: CliContext,
  types: Promise<TypeCheck>,
  written: boolean,
  latest: () => boolean,
): Promise<void> {
  let check: TypeCheck;
  try {
    check = await types;
  } catch (err) {
    if (!latest() || (err instanceof Error && err.name === 'AbortError')) return;
    ctx.stderr(
      `panelcraft dev: type check failed to run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return;
  }
  if (!latest()) return;
  const stats = `in ${Math.round(check.ms)} ms`;
  ctx.stderr(formatDiagnostics(check.diagnostics));
  if (!hasErrors(check.diagnostics)) {
    ctx.stdout(`panelcraft dev: type check passed ${stats}\n`);
    return;
  }
  ctx.stderr(
    `panelcraft dev: type check FAILED, ${countLine(check.diagnostics)} ${stats}${written ? `; ${OUT_DIR}/ was written before the check finished, \`panelcraft build\` refuses it until they are fixed` : ''}. Waiting for changes…\n`,
  );
}
