import { spawn, type ChildProcess } from 'node:child_process';

/** A process a test started; `stop()` ends it by pid and waits for it to exit. */
export interface Started {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Resolves with the first stdout line matching `pattern`; rejects if the process exits or `timeoutMs` passes. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export function start(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Started {
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let out = '';
  let stdoutText = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    const s = chunk.toString();
    out += s;
    stdoutText += s;
    for (const l of listeners) l();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      for (const l of listeners) l();
      resolve();
    }),
  );
  return {
    pid: child.pid,
    child,
    output: () => out,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => done(new Error(`${command}: no line matching ${pattern} within ${timeoutMs} ms\n${out}`)),
          timeoutMs,
        );
        const check = () => {
          for (const line of stdoutText.split('\n')) {
            const m = pattern.exec(line);
            if (m) return done(undefined, m);
          }
          if (exited) done(new Error(`${command} exited before printing ${pattern}\n${out}`));
        };
        const done = (err?: Error, m?: RegExpExecArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(m!);
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (exited) return;
      process.kill(child.pid!, 'SIGTERM');
      const killer = setTimeout(() => {
        if (!exited) process.kill(child.pid!, 'SIGKILL');
      }, 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/** Runs a command to completion; rejects with its output on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${out}`)),
    );
  });
}
