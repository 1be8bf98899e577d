// The memory of a process tree, from what Linux's /proc says of each process: the pure part of the bench's sampler
// (bench/tree-sampler.ts reads the files). GNU time's %M is the peak of the largest *single* process; a build whose
// type check runs in a child process (TypeScript 7's native tsc) or whose loader runs one (esbuild's service) holds
// the sum of them all at once, which is what a machine's memory must fit.

/** What one sample reads of one process. */
export interface ProcessReading {
  /** Its command name (Name of /proc/<pid>/status, e.g. "node", "esbuild", "tsc"). */
  readonly name: string;
  /** Resident set, kB (VmRSS of /proc/<pid>/status). */
  readonly rssKb: number;
  /** Its own peak resident set so far, kB (VmHWM). */
  readonly hwmKb: number;
  /** Its children's pids (/proc/<pid>/task/<tid>/children of all its threads). */
  readonly children: readonly number[];
}

/** One sample of a tree: its summed resident set and the processes it summed. */
export interface TreeReading {
  readonly rssKb: number;
  /** The largest peak of one process of the tree so far (VmHWM), kB. */
  readonly maxProcessHwmKb: number;
  readonly pids: readonly number[];
  /** The summed resident set by command name, kB, in the order met: what the sum is made of. */
  readonly byName: Readonly<Record<string, number>>;
}

/**
 * Sums the resident sets of `root` and all its descendants at one moment. `read` gives a process's reading, or
 * `undefined` for one that has exited between being listed and being read (it then counts nothing, nor do its
 * children, which are no longer its own). Every pid is visited once, even if a bad reading lists it twice.
 */
export function readTree(
  root: number,
  read: (pid: number) => ProcessReading | undefined,
  options: { readonly includeRoot: boolean },
): TreeReading {
  const seen = new Set<number>([root]);
  const pids: number[] = [];
  let rssKb = 0;
  let maxProcessHwmKb = 0;
  const byName: Record<string, number> = {};
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const reading = read(next);
    if (!reading) continue;
    if (next !== root || options.includeRoot) {
      rssKb += reading.rssKb;
      maxProcessHwmKb = Math.max(maxProcessHwmKb, reading.hwmKb);
      pids.push(next);
      byName[reading.name] = (byName[reading.name] ?? 0) + reading.rssKb;
    }
    for (const child of reading.children) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return { rssKb, maxProcessHwmKb, pids, byName };
}

/**
 * The command name, VmRSS and VmHWM (kB) of a /proc/<pid>/status text; undefined when the memory lines are absent (a
 * zombie has none).
 */
export function parseStatus(status: string): Omit<ProcessReading, 'children'> | undefined {
  const name = /^Name:\t(.*)$/m.exec(status);
  const rss = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return name && rss && hwm ? { name: name[1]!, rssKb: Number(rss[1]), hwmKb: Number(hwm[1]) } : undefined;
}

/** The resident set of a /proc/<pid>/statm text (its second field, in pages), kB; undefined when unreadable. */
export function parseStatmRssKb(statm: string, pageKb: number): number | undefined {
  const resident = statm.split(' ')[1];
  return resident !== undefined && /^\d+$/.test(resident) ? Number(resident) * pageKb : undefined;
}

/** The pids of a /proc/<pid>/task/<tid>/children text ("123 456 "). */
export function parseChildren(text: string): number[] {
  return text
    .split(' ')
    .filter((t) => /^\d+$/.test(t))
    .map(Number);
}

/** The state (field 3) of a /proc/<pid>/stat text: `Z` for a zombie, which has exited but not been reaped. */
export function parseState(stat: string): string | undefined {
  const close = stat.lastIndexOf(')');
  return close < 0
    ? undefined
    : stat
        .slice(close + 1)
        .trim()
        .split(/\s+/)[0];
}

/**
 * The start time (field 22, clock ticks since boot) of a /proc/<pid>/stat text: with the pid, it names one process
 * for good (a pid is reused, the pair is not). The command name (field 2) may hold spaces and parentheses, so the
 * fields are counted from the last ')'.
 */
export function parseStartTime(stat: string): string | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  // after ')' come field 3 (state) onwards; field 22 is the 20th of them
  const fields = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  return fields[19];
}

/**
 * The processes of a tree still running after its root was reaped: those met while sampling whose pid now names a
 * process with the same start time. `startTimeNow` gives the start time of the running process holding a pid now,
 * or `undefined` when none does (a zombie has exited: it runs nothing and holds no memory).
 */
export function survivors(
  met: ReadonlyMap<number, string>,
  startTimeNow: (pid: number) => string | undefined,
): number[] {
  return [...met].filter(([pid, start]) => startTimeNow(pid) === start).map(([pid]) => pid);
}
