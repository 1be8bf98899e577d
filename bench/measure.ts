// How the benchmarks time a process: wall time from spawn to exit, and two peaks of memory. GNU time
// (`/usr/bin/time -f %M`) gives the peak of the largest single process of the run; bench/tree-sampler.ts gives the
// peak of the sum over the process and all its descendants (a type-check child, esbuild's service), sampled every
// ~10 ms. A sample can miss a short peak, and the tree's sum is never below its largest process, so the tree peak is
// the larger of the two. Without GNU time or /proc, a peak is unknown (NaN), never a guess.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { leftBehind, sampleTree, type TreeSampling } from './tree-sampler.ts';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Sample {
  readonly wallMs: number;
  /** Peak of the summed resident sets of the process and its descendants, MB. */
  readonly treeRssMb: number;
  /** Peak resident set of the largest single process (GNU time's %M), MB. */
  readonly maxProcessRssMb: number;
  /** What the sampled tree peak was made of, MB by command name. */
  readonly peakByNameMb: Readonly<Record<string, number>>;
  readonly stdout: string;
  /** Processes of its tree still running after it exited (`pid (command)`); a benchmark must leave none. */
  readonly leftBehind: readonly string[];
}

/** Runs `node args…` to completion; see `runProcess`. */
export const runNode = (args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  runProcess(process.execPath, args, options);

/**
 * Runs `command args…` in `cwd` to completion; rejects on a non-zero exit with what it printed. Says which processes
 * of its tree still run after it exited: they would load the machine under the next measurement.
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Sample> {
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'bench-maxrss-kb=%M', command, ...args]] : [command, [...args]];
  const t0 = performance.now();
  let sampling: ReturnType<typeof sampleTree> | undefined;
  let tree: TreeSampling | undefined;
  const sample = await new Promise<Omit<Sample, 'leftBehind'>>((resolve, reject) => {
    const child = execFile(
      cmd,
      argv,
      { cwd: options.cwd, env: options.env, maxBuffer: 1 << 28 },
      (err, stdout, stderr) => {
        const wallMs = performance.now() - t0;
        tree = sampling?.stop();
        if (err) {
          reject(
            new Error(`${command} ${args.join(' ')} failed (${err.message.split('\n')[0]}):\n${stderr}\n${stdout}`),
          );
          return;
        }
        const kb = /bench-maxrss-kb=(\d+)/.exec(stderr);
        const maxProcessRssMb = kb ? Number(kb[1]) / 1024 : Number.NaN;
        const treeRssMb = largerPeak(tree?.peakRssMb ?? Number.NaN, maxProcessRssMb);
        resolve({ wallMs, treeRssMb, maxProcessRssMb, peakByNameMb: tree?.peakByNameMb ?? {}, stdout });
      },
    );
    if (child.pid !== undefined) sampling = sampleTree(child.pid, { includeRoot: GNU_TIME === undefined });
  });
  return { ...sample, leftBehind: await leftBehind(tree?.met ?? new Map()) };
}

/** The larger of two peaks, where one may be unknown (NaN). */
export const largerPeak = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b));

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
