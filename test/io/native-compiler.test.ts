import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilerEnv, liveCompilers, runCompiler } from '../../src/io/native-compiler.ts';

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('runCompiler', () => {
  it('stops a process that prints more than the cap, holding no more than the cap', async () => {
    const started = runCompiler('/usr/bin/yes', ['panelcraft'], { cwd: '/', timeoutMs: 60_000, maxOutputBytes: 4096 });
    const [pid] = liveCompilers();
    const run = await started;
    expect(run).toMatchObject({ code: undefined, stopped: 'output' });
    expect(run.stdout.length).toBeLessThanOrEqual(4096);
    expect(liveCompilers()).toEqual([]);
    expect(gone(pid!)).toBe(true);
  });

  it('stops a process that runs past its time', async () => {
    const started = runCompiler('/bin/sleep', ['600'], { cwd: '/', timeoutMs: 50, maxOutputBytes: 4096 });
    const [pid] = liveCompilers();
    expect(await started).toEqual({ code: undefined, stdout: '', stderr: '', stopped: 'timeout' });
    expect(liveCompilers()).toEqual([]);
    expect(gone(pid!)).toBe(true);
  });

  it.runIf(process.platform === 'linux')(
    'lets the process end while this thread is busy: its output goes to a file, not a pipe that fills up',
    async () => {
      // 1 MB of output: a pipe holds 64 KB, and the process would wait, holding its memory, until this thread read it.
      const started = runCompiler(process.execPath, ['-e', "process.stdout.write('x'.repeat(1 << 20))"], {
        cwd: '/',
        timeoutMs: 60_000,
        maxOutputBytes: 4 << 20,
      });
      const [pid] = liveCompilers();
      const ended = () => {
        try {
          return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z'); // exited, not yet reaped
        } catch {
          return true;
        }
      };
      // Busy without yielding until it ended (or a generous bound passed, which fails the test).
      const bound = Date.now() + 20_000;
      while (!ended() && Date.now() < bound) {}
      expect(ended()).toBe(true);
      expect(await started).toEqual({ code: 0, stdout: 'x'.repeat(1 << 20), stderr: '' });
    },
  );

  it("runs the compiler with GOGC=400 unless the user set GOGC, and leaves this process's environment alone", async () => {
    const before = process.env.GOGC;
    const printed = () =>
      runCompiler('/bin/sh', ['-c', 'printf %s "${GOGC-unset}"'], { cwd: '/', timeoutMs: 60_000, maxOutputBytes: 64 });
    try {
      delete process.env.GOGC;
      expect((await printed()).stdout).toBe('400');
      expect(process.env.GOGC).toBeUndefined();
      process.env.GOGC = '75';
      expect((await printed()).stdout).toBe('75');
    } finally {
      if (before === undefined) delete process.env.GOGC;
      else process.env.GOGC = before;
    }
    expect(compilerEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GOGC: '400' });
    expect(compilerEnv({ PATH: '/bin', GOGC: 'off' })).toEqual({ PATH: '/bin', GOGC: 'off' });
  });

  it('reports the exit code and output of a process that ends by itself', async () => {
    expect(
      await runCompiler('/bin/sh', ['-c', 'echo out; echo err >&2; exit 2'], {
        cwd: '/',
        timeoutMs: 60_000,
        maxOutputBytes: 4096,
      }),
    ).toEqual({ code: 2, stdout: 'out\n', stderr: 'err\n' });
  });

  it('without a temporary folder to write to, reads the output through a pipe, capped as before', async () => {
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/panelcraft-test';
    try {
      const ended = await runCompiler('/bin/sh', ['-c', 'echo out; echo err >&2; exit 2'], {
        cwd: '/',
        timeoutMs: 60_000,
        maxOutputBytes: 4096,
      });
      expect(ended).toEqual({ code: 2, stdout: 'out\n', stderr: 'err\n' });
      const capped = await runCompiler('/usr/bin/yes', ['panelcraft'], {
        cwd: '/',
        timeoutMs: 60_000,
        maxOutputBytes: 4096,
      });
      expect(capped).toMatchObject({ code: undefined, stopped: 'output' });
      expect(capped.stdout.length).toBeLessThanOrEqual(4096);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });
});
