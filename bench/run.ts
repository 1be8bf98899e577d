// `npm run bench`: medians over several runs, and ratios against the bare-SDK baseline measured in the same run.
// Never a timed assertion: this prints numbers for the closing notes.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { dashboardSource, folderOf, PANELS_PER_DASHBOARD } from './synthetic.ts';

const run = promisify(execFile);
const HERE = import.meta.dirname;
const OUT = path.join(HERE, 'out');
const COUNT = Number(process.env.BENCH_DASHBOARDS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIN = path.join(HERE, '..', 'bin', 'panelcraft.js');

async function writeTree(root: string, count: number): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, 'dashboards', folderOf(i));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `service-${i}.ts`), dashboardSource(i));
  }
}

/** GNU time, when installed, reports a child's peak RSS; the CLI runs cannot report their own. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a node command and returns its wall time (spawn to exit) and its JSON report (plus peak RSS). */
async function timed(args: string[]): Promise<{ wall: number; report: Record<string, number> }> {
  const [cmd, argv] = GNU_TIME
    ? [GNU_TIME, ['-f', 'maxrss_kb=%M', process.execPath, ...args]]
    : [process.execPath, args];
  const t0 = performance.now();
  const { stdout, stderr } = await run(cmd, argv, { maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  const line = stdout.trim().split('\n').pop() ?? '{}';
  const report: Record<string, number> = line.startsWith('{') ? (JSON.parse(line) as Record<string, number>) : {};
  const rss = /maxrss_kb=(\d+)/.exec(stderr);
  if (rss && report.maxRssMb === undefined) report.maxRssMb = Number(rss[1]) / 1024;
  return { wall, report };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function series(label: string, args: () => Promise<string[]>): Promise<Record<string, number>> {
  const samples: Array<Record<string, number>> = [];
  for (let r = 0; r < RUNS; r++) {
    const { wall, report } = await timed(await args());
    samples.push({ wall, ...report });
  }
  const keys = Object.keys(samples[0]!);
  const out = Object.fromEntries(keys.map((k) => [k, median(samples.map((s) => s[k]!))]));
  process.stderr.write(
    `${label}: ${JSON.stringify(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)])))}\n`,
  );
  return out;
}

const tree = path.join(OUT, `tree-${COUNT}`);
const single = path.join(OUT, 'tree-1');
await writeTree(tree, COUNT);
await writeTree(single, 1);
const tsx = ['--import', 'tsx'];

const baseline = await series(`bare SDK, ${COUNT} dashboards`, async () => {
  const out = path.join(OUT, 'baseline-out');
  await rm(out, { recursive: true, force: true });
  return [...tsx, path.join(HERE, 'child-baseline.ts'), out, String(COUNT)];
});
const full = await series(`panelcraft stages, ${COUNT} dashboards`, async () => [
  ...tsx,
  path.join(HERE, 'child-build.ts'),
  tree,
]);
const cli = await series(`panelcraft build CLI, ${COUNT} dashboards`, async () => {
  await rm(path.join(tree, 'provisioning'), { recursive: true, force: true });
  return [BIN, 'build', '--root', tree];
});
const noop = await series(`panelcraft build CLI, ${COUNT} dashboards, nothing changed`, async () => [
  BIN,
  'build',
  '--root',
  tree,
]);
const cold = await series('panelcraft build CLI, 1 dashboard cold', async () => {
  await rm(path.join(single, 'provisioning'), { recursive: true, force: true });
  return [BIN, 'build', '--root', single];
});

const results = {
  dashboards: COUNT,
  panelsPerDashboard: PANELS_PER_DASHBOARD,
  runs: RUNS,
  medianMs: {
    baselineWall: baseline.wall,
    baselineInProcess: baseline.ms,
    buildWall: cli.wall,
    buildInProcess: full.ms,
    noopBuildWall: noop.wall,
    oneDashboardColdWall: cold.wall,
  },
  stagesMs: { load: full.load, render: full.render, validateOnly: full.validate, write: full.write },
  ratios: { wall: cli.wall! / baseline.wall!, inProcess: full.ms! / baseline.ms! },
  peakRssMb: {
    baseline: baseline.maxRssMb,
    buildStagesUnderTsx: full.maxRssMb,
    buildCli: cli.maxRssMb,
    oneDashboardCold: cold.maxRssMb,
  },
  dashboardsPerSecond: COUNT / (cli.wall! / 1000),
};
await mkdir(OUT, { recursive: true });
await writeFile(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
