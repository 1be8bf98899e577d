// `npm run bench`: the installed CLI (compiled dist/) on synthetic trees of 100, 1 000 and 5 000 dashboards × 20
// panels — cold build with the type check (empty cache), no-change rebuild, one-file-changed rebuild, `dev`
// save-to-written — each with its peak RSS, beside the bare foundation SDK building and writing the same dashboards,
// measured in the same run (rounds interleave the two, so load on the machine hits both alike). Medians over
// BENCH_RUNS runs; prints a Markdown table and writes bench/out/results.json. Never a timed assertion.
//
//   BENCH_SIZES=100,1000,5000  tree sizes (default all three)      --quick (BENCH_QUICK=1): 100 only, 3 runs, 5 saves
//   BENCH_RUNS=5               runs per scenario                    BENCH_DEV_SAVES=10  saves timed in `dev`
//   BENCH_SCENARIOS=…          any of version,baseline,cold,nochange,onefile,dev (default all); baseline with
//                              cold also times `tsc --noEmit` over the tree (the bare SDK's type check)
//   BENCH_NO_COMPILE=1         use dist/ as it is instead of compiling it first
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tscNoEmit } from './baseline-typecheck.ts';
import { devLatency } from './dev-save.ts';
import { installedCli } from './installed-cli.ts';
import { median, runNode, type Sample } from './measure.ts';
import { markdownTable, type SizeResult } from './report-table.ts';
import { editedSource, PANELS_PER_DASHBOARD, sourcePath, writeSyntheticTree } from './synthetic.ts';

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

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const startedAt = new Date().toISOString();
const loadAtStart = load();
await mkdir(OUT, { recursive: true });
const cli = await installedCli(OUT, process.env.BENCH_NO_COMPILE !== '1');
const help = (await runNode([cli, 'build', '--help'])).stdout;
/** The build cache directory flag, when this version of the CLI has one; else the default cache below the root. */
const hasCacheDir = help.includes('--cache-dir');
log(`panelcraft bench: installed CLI ${cli}; sizes ${SIZES.join(', ')}; ${RUNS} runs; load ${loadAtStart}`);

const versionSamples: Sample[] = [];
if (SCENARIOS.has('version')) for (let r = 0; r < RUNS; r++) versionSamples.push(await runNode([cli, '--version']));

const sizes: SizeResult[] = [];
for (const size of SIZES) {
  const root = path.join(OUT, `tree-${size}`);
  const cacheDir = path.join(OUT, `cache-${size}`);
  log(`\n${size} dashboards: writing the tree…`);
  await rm(root, { recursive: true, force: true });
  await writeSyntheticTree(root, size);
  const cacheArgs = hasCacheDir ? ['--cache-dir', cacheDir] : [];
  const build = async (label: string): Promise<BuildSample> => {
    const sample = await runNode([cli, 'build', '--root', root, '--json', ...cacheArgs]);
    const report = JSON.parse(sample.stdout) as { ok: boolean; timings?: Record<string, number>; cache?: CacheUse };
    if (!report.ok) throw new Error(`${label}: the build failed:\n${sample.stdout.slice(0, 4000)}`);
    const use = report.cache ? ` (cache: ${report.cache.reused} reused, ${report.cache.rendered} rendered)` : '';
    log(`  ${label}: ${Math.round(sample.wallMs)} ms, ${Math.round(sample.rssMb)} MB${use}`);
    return {
      ...sample,
      ...(report.timings ? { timings: report.timings } : {}),
      ...(report.cache ? { cache: report.cache } : {}),
    };
  };
  const emptyCaches = async () => {
    await rm(path.join(root, 'provisioning'), { recursive: true, force: true });
    await rm(path.join(root, 'node_modules'), { recursive: true, force: true }); // the default cache dir
    await rm(cacheDir, { recursive: true, force: true });
  };
  const samples: Record<string, BuildSample[]> = {
    baseline: [],
    baselineTyped: [],
    cold: [],
    nochange: [],
    onefile: [],
  };
  for (let r = 0; r < RUNS; r++) {
    if (SCENARIOS.has('baseline')) {
      const out = path.join(OUT, `baseline-out-${size}`);
      await rm(out, { recursive: true, force: true });
      const sample = await runNode(['--import', 'tsx', path.join(HERE, 'child-baseline.ts'), out, String(size)]);
      log(`  bare SDK: ${Math.round(sample.wallMs)} ms, ${Math.round(sample.rssMb)} MB`);
      samples.baseline!.push(sample);
      if (SCENARIOS.has('cold')) {
        const tsc = await tscNoEmit(root, path.join(OUT, `baseline-tsc-${size}`));
        log(`  tsc --noEmit: ${Math.round(tsc.wallMs)} ms, ${Math.round(tsc.rssMb)} MB`);
        // a CI job runs the two one after the other: wall times add up, the peak is the larger one
        samples.baselineTyped!.push({
          wallMs: tsc.wallMs + sample.wallMs,
          rssMb: Math.max(tsc.rssMb, sample.rssMb),
          stdout: '',
        });
      }
    }
    if (SCENARIOS.has('cold') || r === 0) {
      await emptyCaches();
      const sample = await build('cold build');
      if (SCENARIOS.has('cold')) samples.cold!.push(sample);
    }
    if (SCENARIOS.has('nochange')) samples.nochange!.push(await build('no change'));
    if (SCENARIOS.has('onefile')) {
      await writeFile(sourcePath(root, 7), editedSource(7, `Service 7 bench run ${r}`));
      samples.onefile!.push(await build('one file changed'));
    }
  }
  const dev = SCENARIOS.has('dev') ? await devLatency(cli, root, SAVES, cacheArgs) : undefined;
  if (dev) log(`  dev: save to written ${Math.round(dev.saveToWrittenMs)} ms, ${Math.round(dev.peakRssMb)} MB`);
  const summary = (list: readonly BuildSample[]) =>
    list.length === 0
      ? undefined
      : {
          wallMs: median(list.map((s) => s.wallMs)),
          rssMb: median(list.map((s) => s.rssMb)),
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
  sizes.push({
    dashboards: size,
    baseline: summary(samples.baseline!),
    baselineTyped: summary(samples.baselineTyped!),
    cold: summary(samples.cold!),
    nochange: summary(samples.nochange!),
    onefile: summary(samples.onefile!),
    ...(dev
      ? {
          dev: {
            wallMs: dev.saveToWrittenMs,
            rssMb: dev.peakRssMb,
            wallSamplesMs: dev.samplesMs.map(Math.round),
            firstBuildMs: dev.firstBuildMs,
          },
        }
      : {}),
  });
}

const results = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAtStart, loadAtEnd: load() },
  commit: gitHead(),
  cli: 'installed copy of the compiled dist/ (bench/out/install/node_modules/panelcraft)',
  cacheDirFlag: hasCacheDir,
  panelsPerDashboard: PANELS_PER_DASHBOARD,
  runs: RUNS,
  devSaves: SAVES,
  ...(versionSamples.length > 0
    ? {
        version: {
          wallMs: median(versionSamples.map((s) => s.wallMs)),
          rssMb: median(versionSamples.map((s) => s.rssMb)),
        },
      }
    : {}),
  sizes,
};
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
