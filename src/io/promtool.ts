import { spawn } from 'node:child_process';

export interface ToolRun {
  readonly code: number;
  readonly output: string;
}

/** Raised when the promtool binary cannot be started at all. */
export class PromtoolMissing extends Error {
  override readonly name = 'PromtoolMissing';
}

/** The promtool to run: `$PROMTOOL`, else `promtool` on PATH. */
export function promtoolPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.PROMTOOL !== undefined && env.PROMTOOL !== '' ? env.PROMTOOL : 'promtool';
}

/**
 * Runs promtool with `args` in `cwd`, stdout and stderr merged, killed after `timeoutMs`. Throws `PromtoolMissing`
 * when the binary does not exist, so the caller can say what to install.
 */
export function runPromtool(bin: string, args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = (chunk: Buffer) => {
      if (output.length < 1_000_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        err.code === 'ENOENT' || err.code === 'EACCES' ? new PromtoolMissing(`cannot run ${bin}: ${err.code}`) : err,
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 124 : 1),
        output: signal ? `${output}\n(killed by ${signal} after ${timeoutMs} ms)` : output,
      });
    });
  });
}
