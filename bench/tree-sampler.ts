// Samples the resident memory of a running process and all its descendants every ~10 ms, from /proc, and keeps the
// largest sum seen: the peak memory of a build whose work runs in several processes at once. Runs in the bench's own
// process while the measured one runs, so a sample reads only the tree's files (its threads' `children` lists and
// each process's `status`), never all of /proc. Without /proc (not Linux) the peak is unknown (NaN), never a guess.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  type ProcessReading,
  parseChildren,
  parseStartTime,
  parseStatusKb,
  readTree,
  survivors,
} from './process-tree.ts';

const HAS_PROC = existsSync('/proc/self/task');
const INTERVAL_MS = 10;

export interface TreeSampling {
  /** The largest summed resident set seen, MB (NaN without /proc). */
  readonly peakRssMb: number;
  /** The largest peak of a single process of the tree (its VmHWM, as last read while it ran), MB. */
  readonly maxProcessRssMb: number;
  readonly samples: number;
  /** Every process the samples met (pid → start time), to check none outlives the measured one. */
  readonly met: ReadonlyMap<number, string>;
}

const readOrUndefined = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process or thread has exited meanwhile
  }
};

function readProcess(pid: number): ProcessReading | undefined {
  const memory = parseStatusKb(readOrUndefined(`/proc/${pid}/status`) ?? '');
  if (!memory) return undefined;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const children = tids.flatMap((tid) => parseChildren(readOrUndefined(`/proc/${pid}/task/${tid}/children`) ?? ''));
  return { ...memory, children };
}

const startTime = (pid: number) => parseStartTime(readOrUndefined(`/proc/${pid}/stat`) ?? '');

/**
 * Starts sampling the tree below `root` (with `root` itself unless `includeRoot` is false: GNU time, which only
 * waits, is left out of what it measures). Call `stop()` once the root has exited, or just before it does; it takes one last sample first, and later calls
 * give the same result.
 */
export function sampleTree(root: number, options: { readonly includeRoot: boolean }): { stop(): TreeSampling } {
  const met = new Map<number, string>();
  let peakKb = HAS_PROC ? 0 : Number.NaN;
  let maxProcessKb = HAS_PROC ? 0 : Number.NaN;
  let samples = 0;
  const sample = () => {
    if (!HAS_PROC) return;
    const reading = readTree(root, readProcess, options);
    samples++;
    peakKb = Math.max(peakKb, reading.rssKb);
    maxProcessKb = Math.max(maxProcessKb, reading.maxProcessHwmKb);
    for (const pid of reading.pids) {
      if (met.has(pid)) continue;
      const start = startTime(pid);
      if (start !== undefined) met.set(pid, start);
    }
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  let result: TreeSampling | undefined;
  return {
    stop() {
      if (result) return result;
      sample();
      clearInterval(timer);
      result = { peakRssMb: peakKb / 1024, maxProcessRssMb: maxProcessKb / 1024, samples, met };
      return result;
    },
  };
}

/**
 * The processes of a sampled tree still running `graceMs` after its root exited (a child that quits when its parent's
 * pipe closes, as esbuild's service does, gets that long), each as `pid (command)`.
 */
export async function leftBehind(met: ReadonlyMap<number, string>, graceMs = 2000): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  let alive = survivors(met, startTime);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    alive = survivors(met, startTime);
  }
  return alive.map((pid) => `${pid} ${/\(.*\)/.exec(readOrUndefined(`/proc/${pid}/stat`) ?? '')?.[0] ?? ''}`.trim());
}
