/**
 * The large fuzz run: hostile dashboards (malformed, nested up to 200 000 levels, up to 12 000 panels, strings up
 * to 500 000 characters with terminal escapes, NULs, lone surrogates, path tricks), hostile output paths, hostile
 * Prometheus answers and secrets. The cases run in a child process watched by this one: a case that makes no
 * progress for 60 s is a hang (the child is killed by pid). Reports cases, crashes, hangs, slow cases (> 5 s) and
 * the child's peak RSS; exits 1 on any crash, hang or RSS above the stated bound of 2 GiB.
 * Run: npx tsx bench/fuzz-hostile.ts [cases=20000] [seed]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FuzzStats } from '../test/fuzz/run-fuzz.ts';

const cases = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const HANG_MS = 60_000;
const RSS_BOUND = 2 * 1024 * 1024 * 1024;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(import.meta.dirname, 'fuzz-hostile-child.ts'), String(cases), String(seed)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let last = 0;
let lastAt = Date.now();
let stats: FuzzStats | undefined;
let buffer = '';
child.stdout.on('data', (chunk: Buffer) => {
  buffer += chunk.toString();
  const lines = buffer.split('\n');
  buffer = lines.pop()!;
  for (const line of lines) {
    const m = /^case (\d+)$/.exec(line);
    if (m) {
      last = Number(m[1]);
      lastAt = Date.now();
    } else if (line.startsWith('{')) stats = JSON.parse(line) as FuzzStats;
  }
});
let hung = false;
const watchdog = setInterval(() => {
  if (Date.now() - lastAt > HANG_MS) {
    hung = true;
    child.kill('SIGKILL');
  }
}, 1_000);
const started = Date.now();
const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
clearInterval(watchdog);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
if (hung || !stats) {
  console.log(
    `fuzz-hostile: seed ${seed}: ${hung ? `HANG after case ${last} (no progress for ${HANG_MS / 1000} s)` : `the child died (exit ${code}) after case ${last}`}`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `fuzz-hostile: seed ${seed}: ${stats.cases} cases in ${seconds} s, ${stats.crashes.length} crashes, 0 hangs, ${stats.slow} slow (> 5 s), slowest ${stats.slowestMs.toFixed(0)} ms, peak RSS ${mb(stats.peakRssBytes)} (bound ${mb(RSS_BOUND)})`,
  );
  for (const t of stats.byTarget)
    console.log(
      `  ${String(t.cases).padStart(7)} cases, slowest ${t.slowestMs.toFixed(0).padStart(6)} ms  ${t.target}`,
    );
  for (const c of stats.crashes) console.log(`  CRASH ${c.target} (seed ${c.seed}, path ${c.path}): ${c.error}`);
  if (stats.crashes.length > 0 || stats.peakRssBytes > RSS_BOUND) process.exitCode = 1;
}
