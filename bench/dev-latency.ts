// Watch-mode latency: from saving one dashboard to its provisioning file holding the change, with `panelcraft dev`
// running on a tree of BENCH_DEV_DASHBOARDS dashboards. Prints the median of BENCH_DEV_EDITS saves.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dashboardSource, folderOf } from './synthetic.ts';

const HERE = import.meta.dirname;
const COUNT = Number(process.env.BENCH_DEV_DASHBOARDS ?? 100);
const EDITS = Number(process.env.BENCH_DEV_EDITS ?? 10);
const root = path.join(HERE, 'out', `dev-${COUNT}`);

await rm(root, { recursive: true, force: true });
for (let i = 0; i < COUNT; i++) {
  await mkdir(path.join(root, 'dashboards', folderOf(i)), { recursive: true });
  await writeFile(path.join(root, 'dashboards', folderOf(i), `service-${i}.ts`), dashboardSource(i));
}
const child = spawn(process.execPath, [path.join(HERE, '..', 'bin', 'panelcraft.js'), 'dev', '--root', root], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (d: Buffer) => (output += d.toString()));
const until = async (done: () => Promise<boolean> | boolean, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
};
await until(() => output.includes('panelcraft dev: built'), 'the first build');
const samples: number[] = [];
const target = 7;
const out = path.join(root, 'provisioning', 'dashboards', folderOf(target), `svc-${target}.json`);
for (let e = 0; e < EDITS; e++) {
  const title = `Service ${target} edit ${e}`;
  const source = dashboardSource(target).replace(`'Service ${target}'`, `'${title}'`);
  await new Promise((r) => setTimeout(r, 150));
  const t0 = performance.now();
  await writeFile(path.join(root, 'dashboards', folderOf(target), `service-${target}.ts`), source);
  await until(async () => (await readFile(out, 'utf8').catch(() => '')).includes(title), `edit ${e}`);
  samples.push(performance.now() - t0);
}
child.kill('SIGTERM');
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({ dashboards: COUNT, edits: EDITS, medianSaveToWrittenMs: Math.round(median), minMs: Math.round(samples[0]!), maxMs: Math.round(samples.at(-1)!) })}\n`,
);
