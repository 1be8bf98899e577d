import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { runDev } from '../../src/cli/commands/dev.ts';
import { liveCompilers } from '../../src/io/native-compiler.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

describe('dev stopped while the type check runs', () => {
  it('kills the compiler: no process is left and no outcome is reported', async () => {
    // Helpers whose types take the compiler seconds (10 000-key mapped types), so the check outlasts the render.
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
    project = await tempProject(files);
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
