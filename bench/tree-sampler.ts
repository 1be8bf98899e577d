// Samples the resident memory of a running process and all its descendants every ~10 ms, from /proc, and keeps the
// largest sum seen: the peak memory of a build whose work runs in several processes at once. Runs in the bench's own
// process while the measured one runs, so it is kept cheap: a sample reads one small file per process of the tree
// (`statm`), and only every fifth looks for new children (each thread's `children` list) and reads each process's own
// peak (`status`' VmHWM); it never scans all of /proc. A child is thus met up to ~50 ms after it starts, when it has
// barely grown. Without /proc (not Linux) the peak is unknown (NaN), never a guess.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import {
  type ProcessReading,
  parseChildren,
  parseStartTime,
  parseState,
  parseStatmRssKb,
  parseStatus,
  readTree,
  survivors,
} from './process-tree.ts';

const HAS_PROC = existsSync('/proc/self/task');
const INTERVAL_MS = 10;
/** Every how many samples the tree's children are looked up again. */
const DISCOVER_EVERY = 5;

export interface TreeSampling {
  /** The largest summed resident set seen, MB (NaN without /proc). */
  readonly peakRssMb: number;
  /** The largest peak of a single process of the tree (its VmHWM, as last read while it ran), MB. */
  readonly maxProcessRssMb: number;
  /** What the sampled peak was made of: MB by command name (e.g. node 561, esbuild 219). */
  readonly peakByNameMb: Readonly<Record<string, number>>;
  readonly samples: number;
  /** Every process the samples met (pid → start time), to check none outlives the measured one. */
  readonly met: ReadonlyMap<number, string>;
}

const BUFFER = Buffer.allocUnsafe(64 * 1024);

/** A small /proc file's text (read without allocating for it), or undefined once its process or thread has exited. */
function readOrUndefined(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const length = readSync(fd, BUFFER, 0, BUFFER.length, 0);
    return length < BUFFER.length ? BUFFER.toString('latin1', 0, length) : readFileSync(file, 'latin1');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let pageKbOnce: number | undefined;
const pageKb = () => {
  if (pageKbOnce === undefined) {
    try {
      pageKbOnce = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) / 1024 || 4;
    } catch {
      pageKbOnce = 4;
    }
  }
  return pageKbOnce;
};

/** A process's memory and children, read whole: its status (VmRSS, VmHWM) and every thread's children list. */
function readProcess(pid: number): ProcessReading | undefined {
  const memory = parseStatus(readOrUndefined(`/proc/${pid}/status`) ?? '');
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
/** The start time of the process holding `pid`, unless it has exited (a zombie waiting to be reaped). */
const runningStartTime = (pid: number) => {
  const stat = readOrUndefined(`/proc/${pid}/stat`) ?? '';
  return parseState(stat) === 'Z' ? undefined : parseStartTime(stat);
};

/**
 * Starts sampling the tree below `root` (with `root` itself unless `includeRoot` is false: GNU time, which only
 * waits, is left out of what it measures). Call `stop()` once the root has exited, or just before it does; it takes one last sample first, and later calls
 * give the same result.
 */
export function sampleTree(root: number, options: { readonly includeRoot: boolean }): { stop(): TreeSampling } {
  const met = new Map<number, string>();
  let peakKb = HAS_PROC ? 0 : Number.NaN;
  let maxProcessKb = HAS_PROC ? 0 : Number.NaN;
  let peakByName: Readonly<Record<string, number>> = {};
  let samples = 0;
  /** What the last full reading found of each process: its own peak and its children. */
  const known = new Map<number, ProcessReading>();
  const page = HAS_PROC ? pageKb() : 4;
  const readCheaply = (pid: number): ProcessReading | undefined => {
    const last = known.get(pid);
    if (!last) return readFully(pid);
    const rssKb = parseStatmRssKb(readOrUndefined(`/proc/${pid}/statm`) ?? '', page);
    return rssKb === undefined ? undefined : { ...last, rssKb };
  };
  const readFully = (pid: number): ProcessReading | undefined => {
    const reading = readProcess(pid);
    if (reading) known.set(pid, reading);
    else known.delete(pid);
    return reading;
  };
  const sample = (full: boolean) => {
    if (!HAS_PROC) return;
    const reading = readTree(root, full ? readFully : readCheaply, options);
    samples++;
    if (reading.rssKb > peakKb) {
      peakKb = reading.rssKb;
      peakByName = reading.byName;
    }
    maxProcessKb = Math.max(maxProcessKb, reading.maxProcessHwmKb);
    for (const pid of reading.pids) {
      if (met.has(pid)) continue;
      const start = startTime(pid);
      if (start !== undefined) met.set(pid, start);
    }
  };
  sample(true);
  const timer = setInterval(() => sample(samples % DISCOVER_EVERY === 0), INTERVAL_MS);
  let result: TreeSampling | undefined;
  return {
    stop() {
      if (result) return result;
      sample(true);
      clearInterval(timer);
      result = {
        peakRssMb: peakKb / 1024,
        maxProcessRssMb: maxProcessKb / 1024,
        peakByNameMb: Object.fromEntries(Object.entries(peakByName).map(([name, kb]) => [name, kb / 1024])),
        samples,
        met,
      };
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
  let alive = survivors(met, runningStartTime);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    alive = survivors(met, runningStartTime);
  }
  return alive.map((pid) => `${pid} ${/\(.*\)/.exec(readOrUndefined(`/proc/${pid}/stat`) ?? '')?.[0] ?? ''}`.trim());
}
