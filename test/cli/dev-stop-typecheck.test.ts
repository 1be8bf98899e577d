import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { runDev } from '../../src/cli/commands/dev.ts';
import { liveCompilers } from '../../src/io/native-compiler.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

/** A project whose check takes the compiler seconds (10 000-key mapped types), so it outlasts the render. */
function heavyProject(): Record<string, string> {
  const files: Record<string, string> = {};
  const imports: string[] = [];
  for (let i = 0; i < 30; i++) {
    files[`dashboards/_lib/heavy${i}.ts`] = [
      "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';",
      'type N4 = `${D}${D}${D}${D}`;',
      `type A<T> = { [K in N4 as \`k${i}\${K}\`]: T };`,
      'declare const a: A<string>;',
      'export const x: A<number> = a;',
      '',
    ].join('\n');
    imports.push(`import '../_lib/heavy${i}.ts';`);
  }
  files['dashboards/team/d.ts'] = `${imports.join('\n')}\n${sdkDashboardSource('Dashboard')}`;
  return files;
}

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

/** The state letter of a process in /proc (`R`, `S`, `Z` …), `gone` once reaped. */
function processState(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] ?? 'gone';
  } catch {
    return 'gone';
  }
}

describe('dev and a type check still running', () => {
  it('a save kills the running check before starting its own', async () => {
    project = await tempProject(heavyProject());
    let out = '';
    const ctx: CliContext = { cwd: project.root, env: {}, stdout: (t) => (out += t), stderr: (t) => (out += t) };
    const stop = new AbortController();
    const running = runDev(project.root, ctx, stop.signal);
    let first: number[] = [];
    while (first.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      first = liveCompilers();
    }
    await project.write(
      'dashboards/team/d.ts',
      heavyProject()['dashboards/team/d.ts']!.replace("'Dashboard'", "'Saved'"),
    );
    let next: number[] = [];
    while (next.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      next = liveCompilers().filter((pid) => !first.includes(pid));
    }
    // The first compiler had seconds of work left; it was killed before the second started.
    for (const pid of first) expect(['Z', 'gone']).toContain(processState(pid));
    stop.abort();
    await running;
    expect(liveCompilers()).toEqual([]);
  }, 60_000);

  it('stopping dev kills the compiler: no process is left and no outcome is reported', async () => {
    project = await tempProject(heavyProject());
    let out = '';
    const ctx: CliContext = { cwd: project.root, env: {}, stdout: (t) => (out += t), stderr: (t) => (out += t) };
    const stop = new AbortController();
    const running = runDev(project.root, ctx, stop.signal);
    let pids: number[] = [];
    while (pids.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      pids = liveCompilers();
    }
    stop.abort();
    await running;
    expect(liveCompilers()).toEqual([]);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect(out).not.toMatch(/type check (passed|FAILED|failed to run)/);
    expect(out).toMatch(/panelcraft dev: stopped\n$/);
  }, 60_000);
});
