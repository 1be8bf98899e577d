// How the benchmarks time a process: wall time from spawn to exit and the child's peak RSS, which GNU time reports
// (`/usr/bin/time -f %M`); without it, the peak is unknown (NaN), never a guess.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface Sample {
  readonly wallMs: number;
  /** Peak resident set size of the process, MB. */
  readonly rssMb: number;
  readonly stdout: string;
}

/** Runs `node args…` in `cwd` to completion; rejects on a non-zero exit with what it printed. */
export function runNode(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const [cmd, argv] = GNU_TIME
    ? [GNU_TIME, ['-f', 'bench-maxrss-kb=%M', process.execPath, ...args]]
    : [process.execPath, [...args]];
  const t0 = performance.now();
  return new Promise<Sample>((resolve, reject) => {
    execFile(cmd, argv, { cwd: options.cwd, env: options.env, maxBuffer: 1 << 28 }, (err, stdout, stderr) => {
      const wallMs = performance.now() - t0;
      if (err) {
        reject(new Error(`node ${args.join(' ')} failed (${err.message.split('\n')[0]}):\n${stderr}\n${stdout}`));
        return;
      }
      const kb = /bench-maxrss-kb=(\d+)/.exec(stderr);
      resolve({ wallMs, rssMb: kb ? Number(kb[1]) / 1024 : Number.NaN, stdout });
    });
  });
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
