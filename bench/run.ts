// `npm run bench`: the installed CLI (compiled dist/) on synthetic trees of 100, 1 000 and 5 000 dashboards × 20
// panels — cold build with the type check (empty cache), no-change rebuild, one-file-changed rebuild, `dev`
// save-to-written — each with its peak memory, beside the bare foundation SDK building and writing the same
// dashboards, alone and followed by `tsc --noEmit` over the same tree (TypeScript 7's native compiler: the baseline;
// the `typescript` package's JavaScript compiler: context), measured in the same run (rounds interleave them, so load
// on the machine hits all alike). Peak memory is summed over each measured process and its descendants
// (bench/measure.ts). Medians over BENCH_RUNS runs; prints a Markdown table and writes bench/out/results.json. Never a
// timed assertion.
//
//   BENCH_SIZES=100,1000,5000  tree sizes (default all three)      --quick (BENCH_QUICK=1): 100 only, 3 runs, 5 saves
//   BENCH_RUNS=5               runs per scenario                    BENCH_DEV_SAVES=10  saves timed in `dev`
//   BENCH_SCENARIOS=…          any of version,baseline,cold,nochange,onefile,dev (default all); baseline with
//                              cold also times `tsc --noEmit` over the tree (the bare SDK's type check)
//   BENCH_NO_COMPILE=1         use dist/ as it is instead of compiling it first
//   BENCH_TS7_FROM=<dir>       look TypeScript 7 up from <dir>'s node_modules instead of this repository's (to try a
//                              scratch install); without one, its rows say "not installed"
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tscNoEmit } from './baseline-typecheck.ts';
import { devLatency } from './dev-save.ts';
import { cliCommand, installedCli } from './installed-cli.ts';
import { median, runNode, type Sample } from './measure.ts';
import { markdownTable, type Results, type Scenario, type SizeResult, type TypeCheckBaseline } from './report-table.ts';
import { flushWrites, SetAside } from './quiet-disk.ts';
import { editedSource, PANELS_PER_DASHBOARD, sourcePath, writeSyntheticTree } from './synthetic.ts';
import { type TypeChecker, typescriptJs, typescriptNative } from './type-checkers.ts';

const HERE = import.meta.dirname;
const OUT = path.join(HERE, 'out');
const QUICK = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
const SIZES = (process.env.BENCH_SIZES ?? (QUICK ? '100' : '100,1000,5000')).split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 3 : 5));
const SAVES = Number(process.env.BENCH_DEV_SAVES ?? (QUICK ? 5 : 10));
const SCENARIOS = new Set(
  (process.env.BENCH_SCENARIOS ?? 'version,baseline,cold,nochange,onefile,dev').split(',').map((s) => s.trim()),
);
/** How the build cache served a build (its `--json` field `cache`). */
interface CacheUse {
  readonly reused: number;
  readonly rendered: number;
  readonly recorded: boolean;
}
type BuildSample = Sample & { timings?: Record<string, number>; cache?: CacheUse };
const log = (text: string) => process.stderr.write(`${text}\n`);
const mb = (x: number) => `${Math.round(x)} MB`;
const memory = (s: Sample) => `${mb(s.treeRssMb)} tree (largest process ${mb(s.maxProcessRssMb)})`;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const startedAt = new Date().toISOString();
const loadAtStart = load();
const leftBehind: string[] = [];
/** Notes a measured run's sample, and the processes it left running. */
const measured = <S extends Sample>(label: string, sample: S): S => {
  for (const p of sample.leftBehind) leftBehind.push(`${p} after ${label}`);
  if (sample.leftBehind.length > 0) log(`  WARNING: ${label} left running: ${sample.leftBehind.join(', ')}`);
  return sample;
};
await mkdir(OUT, { recursive: true });
/** What the measured runs are done with: removed after the last one (bench/quiet-disk.ts). */
const setAside = new SetAside(path.join(OUT, 'set-aside'));
await setAside.empty(); // a run that was stopped left its own
const cli = await installedCli(OUT, process.env.BENCH_NO_COMPILE !== '1');
/** `node`'s arguments that run the CLI as `panelcraft` does (its `#!` line's flags, then the script). */
const run = cliCommand(cli);
const help = (await runNode([...run, 'build', '--help'])).stdout;
/** The build cache directory flag, when this version of the CLI has one; else the default cache below the root. */
const hasCacheDir = help.includes('--cache-dir');
const checkers = { tscJs: typescriptJs(), tscNative: typescriptNative() };
log(
  `panelcraft bench: installed CLI ${cli}; sizes ${SIZES.join(', ')}; ${RUNS} runs; load ${loadAtStart}; ` +
    `tsc: ${checkers.tscJs?.name ?? 'typescript not installed'}, ${checkers.tscNative?.name ?? 'TypeScript 7 not installed'}`,
);

const versionSamples: Sample[] = [];
if (SCENARIOS.has('version'))
  for (let r = 0; r < RUNS; r++) versionSamples.push(measured('--version', await runNode([...run, '--version'])));

/** The run whose tree peak is nearest the median: what a median peak is made of. */
const nearestMedianPeak = (list: readonly Sample[], medianMb: number) =>
  list.reduce((a, b) => (Math.abs(b.treeRssMb - medianMb) < Math.abs(a.treeRssMb - medianMb) ? b : a));
const summary = (list: readonly BuildSample[]): Scenario | undefined =>
  list.length === 0
    ? undefined
    : {
        wallMs: median(list.map((s) => s.wallMs)),
        treeRssMb: median(list.map((s) => s.treeRssMb)),
        maxProcessRssMb: median(list.map((s) => s.maxProcessRssMb)),
        peakByNameMb: nearestMedianPeak(list, median(list.map((s) => s.treeRssMb))).peakByNameMb,
        wallSamplesMs: list.map((s) => Math.round(s.wallMs)),
        ...(list.at(-1)!.cache ? { cache: list.at(-1)!.cache } : {}),
        ...(list[0]!.timings
          ? {
              stagesMs: Object.fromEntries(
                Object.keys(list[0]!.timings).map((k) => [k, median(list.map((s) => s.timings?.[k] ?? Number.NaN))]),
              ),
            }
          : {}),
      };

const sizes: SizeResult[] = [];
for (const size of SIZES) {
  const root = path.join(OUT, `tree-${size}`);
  const cacheDir = path.join(OUT, `cache-${size}`);
  log(`\n${size} dashboards: writing the tree…`);
  await setAside.discard(root);
  await writeSyntheticTree(root, size);
  const cacheArgs = hasCacheDir ? ['--cache-dir', cacheDir] : [];
  const build = async (label: string): Promise<BuildSample> => {
    flushWrites();
    const sample = measured(label, await runNode([...run, 'build', '--root', root, '--json', ...cacheArgs]));
    const report = JSON.parse(sample.stdout) as { ok: boolean; timings?: Record<string, number>; cache?: CacheUse };
    if (!report.ok) throw new Error(`${label}: the build failed:\n${sample.stdout.slice(0, 4000)}`);
    const use = report.cache ? ` (cache: ${report.cache.reused} reused, ${report.cache.rendered} rendered)` : '';
    log(`  ${label}: ${Math.round(sample.wallMs)} ms, ${memory(sample)}${use}`);
    return {
      ...sample,
      ...(report.timings ? { timings: report.timings } : {}),
      ...(report.cache ? { cache: report.cache } : {}),
    };
  };
  const emptyCaches = async () => {
    await setAside.discard(path.join(root, 'provisioning'));
    await setAside.discard(path.join(root, 'node_modules')); // the default cache dir
    await setAside.discard(cacheDir);
  };
  const samples: Record<'baseline' | 'cold' | 'nochange' | 'onefile', BuildSample[]> = {
    baseline: [],
    cold: [],
    nochange: [],
    onefile: [],
  };
  const typeChecks = {
    tscJs: { alone: [] as Sample[], withSdk: [] as Sample[] },
    tscNative: { alone: [] as Sample[], withSdk: [] as Sample[] },
  };
  /** `tsc --noEmit` over the tree, alone and after the bare SDK's build (the CI job: wall times add, the peak is the larger). */
  const typeCheck = async (checker: TypeChecker, into: (typeof typeChecks)['tscJs'], sdk: Sample) => {
    flushWrites();
    const tsc = measured(checker.name, await tscNoEmit(checker, root, path.join(OUT, `baseline-tsc-${size}`)));
    log(`  tsc --noEmit, ${checker.name}: ${Math.round(tsc.wallMs)} ms, ${memory(tsc)}`);
    into.alone.push(tsc);
    into.withSdk.push({
      wallMs: tsc.wallMs + sdk.wallMs,
      treeRssMb: Math.max(tsc.treeRssMb, sdk.treeRssMb),
      maxProcessRssMb: Math.max(tsc.maxProcessRssMb, sdk.maxProcessRssMb),
      peakByNameMb: {},
      stdout: '',
      leftBehind: [],
    });
  };
  for (let r = 0; r < RUNS; r++) {
    if (SCENARIOS.has('baseline')) {
      const out = path.join(OUT, `baseline-out-${size}`);
      await setAside.discard(out);
      flushWrites();
      const sample = measured(
        'bare SDK',
        await runNode(['--import', 'tsx', path.join(HERE, 'child-baseline.ts'), out, String(size)]),
      );
      log(`  bare SDK: ${Math.round(sample.wallMs)} ms, ${memory(sample)}`);
      samples.baseline.push(sample);
      if (SCENARIOS.has('cold')) {
        if (checkers.tscJs) await typeCheck(checkers.tscJs, typeChecks.tscJs, sample);
        if (checkers.tscNative) await typeCheck(checkers.tscNative, typeChecks.tscNative, sample);
      }
    }
    if (SCENARIOS.has('cold') || r === 0) {
      await emptyCaches();
      const sample = await build('cold build');
      if (SCENARIOS.has('cold')) samples.cold.push(sample);
    }
    if (SCENARIOS.has('nochange')) samples.nochange.push(await build('no change'));
    if (SCENARIOS.has('onefile')) {
      await writeFile(sourcePath(root, 7), editedSource(7, `Service 7 bench run ${r}`));
      samples.onefile.push(await build('one file changed'));
    }
  }
  if (SCENARIOS.has('dev')) flushWrites();
  const dev = SCENARIOS.has('dev') ? await devLatency(cli, root, SAVES, cacheArgs) : undefined;
  if (dev) {
    for (const p of dev.leftBehind) leftBehind.push(`${p} after dev`);
    log(
      `  dev: save to written ${Math.round(dev.saveToWrittenMs)} ms, ${mb(dev.treeRssMb)} tree (largest process ${mb(dev.maxProcessRssMb)})`,
    );
  }
  const typeCheckBaseline = (key: keyof typeof checkers): TypeCheckBaseline | undefined => {
    if (!SCENARIOS.has('baseline') || !SCENARIOS.has('cold')) return undefined;
    const checker = checkers[key];
    if (!checker) return {};
    const alone = summary(typeChecks[key].alone);
    const withSdk = summary(typeChecks[key].withSdk);
    return { compiler: checker.name, ...(alone ? { alone } : {}), ...(withSdk ? { withSdk } : {}) };
  };
  const tscJs = typeCheckBaseline('tscJs');
  const tscNative = typeCheckBaseline('tscNative');
  const scenarios = {
    baseline: summary(samples.baseline),
    cold: summary(samples.cold),
    nochange: summary(samples.nochange),
    onefile: summary(samples.onefile),
  };
  sizes.push({
    dashboards: size,
    ...Object.fromEntries(Object.entries(scenarios).filter(([, s]) => s !== undefined)),
    ...(tscJs ? { tscJs } : {}),
    ...(tscNative ? { tscNative } : {}),
    ...(dev
      ? {
          dev: {
            wallMs: dev.saveToWrittenMs,
            treeRssMb: dev.treeRssMb,
            maxProcessRssMb: dev.maxProcessRssMb,
            peakByNameMb: dev.peakByNameMb,
            wallSamplesMs: dev.samplesMs.map(Math.round),
            firstBuildMs: dev.firstBuildMs,
          },
        }
      : {}),
  });
}

const results: Results & Record<string, unknown> = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAtStart, loadAtEnd: load() },
  commit: gitHead(),
  cli: 'installed copy of the compiled dist/ (bench/out/install/node_modules/panelcraft)',
  cacheDirFlag: hasCacheDir,
  typeCheckers: {
    tscJs: checkers.tscJs ?? 'not installed',
    tscNative: checkers.tscNative ?? 'not installed',
  },
  panelsPerDashboard: PANELS_PER_DASHBOARD,
  runs: RUNS,
  devSaves: SAVES,
  ...(versionSamples.length > 0 ? { version: summary(versionSamples)! } : {}),
  leftBehind,
  sizes,
};
await setAside.empty();
await writeFile(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(markdownTable(results));
log(`\nwrote ${path.relative(process.cwd(), path.join(OUT, 'results.json'))}`);

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: HERE, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
