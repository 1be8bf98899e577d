// Watch-mode latency: from saving one dashboard to its provisioning file holding the change, with `panelcraft dev`
// running on a tree; and the peak memory over its start and every save, of the dev process with its children (a
// type-check child, esbuild's service) summed, beside the largest single process's.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cliCommand } from './installed-cli.ts';
import { largerPeak, median } from './measure.ts';
import { leftBehind, sampleTree } from './tree-sampler.ts';
import { editedSource, folderOf, sourcePath } from './synthetic.ts';

export interface DevLatency {
  /** Median over the saves, ms. */
  readonly saveToWrittenMs: number;
  readonly samplesMs: readonly number[];
  /** Start to the first build done, ms. */
  readonly firstBuildMs: number;
  /** Peak of the summed resident sets of the dev process and its descendants, MB. */
  readonly treeRssMb: number;
  /** Peak resident set of its largest single process, MB. */
  readonly maxProcessRssMb: number;
  /** What the sampled tree peak was made of, MB by command name. */
  readonly peakByNameMb: Readonly<Record<string, number>>;
  /** Processes of its tree still running after it was stopped. */
  readonly leftBehind: readonly string[];
}

const TARGET = 7;

export async function devLatency(cli: string, root: string, saves: number, extraArgs: readonly string[] = []) {
  const child = spawn(process.execPath, [...cliCommand(cli), 'dev', '--root', root, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampling = sampleTree(child.pid!, { includeRoot: true });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = async (done: () => Promise<boolean> | boolean, what: string) => {
    const deadline = Date.now() + 300_000;
    while (!(await done())) {
      if (child.exitCode !== null) throw new Error(`dev exited while waiting for ${what}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  try {
    const t0 = performance.now();
    await until(() => output.includes('panelcraft dev: built'), 'the first build');
    const firstBuildMs = performance.now() - t0;
    const samples: number[] = [];
    const out = path.join(root, 'provisioning', 'dashboards', folderOf(TARGET), `svc-${TARGET}.json`);
    for (let e = 0; e < saves; e++) {
      const title = `Service ${TARGET} dev save ${e} ${Date.now()}`;
      await new Promise((r) => setTimeout(r, 200)); // let the previous rebuild settle, as between real saves
      const t = performance.now();
      await writeFile(sourcePath(root, TARGET), editedSource(TARGET, title));
      await until(async () => (await readFile(out, 'utf8').catch(() => '')).includes(title), `save ${e}`);
      samples.push(performance.now() - t);
    }
    const tree = sampling.stop(); // its last sample reads the dev process's own peak (VmHWM) while it still runs
    child.kill('SIGTERM');
    await exited;
    return {
      saveToWrittenMs: median(samples),
      samplesMs: samples,
      firstBuildMs,
      treeRssMb: largerPeak(tree.peakRssMb, tree.maxProcessRssMb),
      maxProcessRssMb: tree.maxProcessRssMb,
      peakByNameMb: tree.peakByNameMb,
      leftBehind: await leftBehind(tree.met),
    } satisfies DevLatency;
  } finally {
    sampling.stop();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }
}
