import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type Started } from '../support/child-process.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/panelcraft.js');
const WAIT = 30_000;

/** The one dashboard JSON the project builds. */
async function output(root: string): Promise<string> {
  const dir = path.join(root, 'provisioning', 'dashboards', 'demo');
  const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  return readFile(path.join(dir, file!), 'utf8');
}

/** Waits for the n-th line matching `pattern` (counting from 1). */
async function nth(p: Started, pattern: RegExp, n: number): Promise<void> {
  const global = new RegExp(pattern.source, 'gm');
  const deadline = WAIT;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${n}th ${pattern} within ${deadline} ms\n${p.output()}`)),
      deadline,
    );
    const check = () => {
      if ((p.output().match(global) ?? []).length >= n) {
        clearTimeout(timer);
        p.child.stdout!.off('data', check);
        p.child.stderr!.off('data', check);
        resolve();
      }
    };
    p.child.stdout!.on('data', check);
    p.child.stderr!.on('data', check);
    check();
  });
}

/** Polls until the built dashboard has `title` (a wait, not a timed assertion). */
async function outputWithTitle(p: Started, root: string, title: string): Promise<string> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    const text = await output(root).catch(() => '');
    if (text.includes(`"title": ${JSON.stringify(title)}`)) return text;
    if (Date.now() > deadline) throw new Error(`output never showed ${title}\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('panelcraft dev', () => {
  let project: TempProject;
  let dev: Started;
  beforeAll(async () => {
    project = await tempProject({ 'dashboards/demo/service.ts': sdkDashboardSource('Demo v1') });
    dev = start(process.execPath, [BIN, 'dev', '--root', project.root]);
  });
  afterAll(async () => {
    await dev?.stop();
    await project?.dispose();
  });

  it('builds at start, rebuilds on save, keeps the last good output on a syntax error, recovers, and stops on SIGTERM', async () => {
    await nth(dev, /^panelcraft dev: built 1 dashboards/, 1);
    expect(await output(project.root)).toContain('"title": "Demo v1"');

    await project.write('dashboards/demo/service.ts', sdkDashboardSource('Demo v2'));
    await outputWithTitle(dev, project.root, 'Demo v2');

    await project.write('dashboards/demo/service.ts', 'export default new DashboardBuilder(\n');
    await nth(dev, /nothing written, provisioning\/ keeps the last good output/, 1);
    expect(dev.output()).toContain('dashboards/demo/service.ts');
    expect(dev.child.exitCode).toBe(null);
    expect(await output(project.root)).toContain('"title": "Demo v2"');

    await project.write('dashboards/demo/service.ts', sdkDashboardSource('Demo v3'));
    await outputWithTitle(dev, project.root, 'Demo v3');
    expect(dev.output()).toMatch(
      /^panelcraft dev: built 1 dashboards \(1 reloaded\) in \d+ ms → provisioning\/ \(1 written, 0 deleted\); type check running…$/m,
    );

    await dev.stop();
    expect(dev.child.exitCode).toBe(0);
    expect(dev.output()).toContain('panelcraft dev: stopped');
  }, 90_000);

  it('writes a dashboard with a type error, then says the type check failed and that build refuses it', async () => {
    const typed = await tempProject({ 'dashboards/demo/service.ts': sdkDashboardSource('Typed v1') });
    const p = start(process.execPath, [BIN, 'dev', '--root', typed.root]);
    try {
      await nth(p, /^panelcraft dev: type check passed in \d+ ms$/, 1);
      const wrong = `${sdkDashboardSource('Typed v2')}const typo: number = 'forty-two';\nvoid typo;\n`;
      await typed.write('dashboards/demo/service.ts', wrong);
      await outputWithTitle(p, typed.root, 'Typed v2');
      await nth(p, /^panelcraft dev: type check FAILED, 1 error, 0 warnings in \d+ ms/, 1);
      const out = p.output();
      expect(out).toMatch(
        /built 1 dashboards \(1 reloaded\) in \d+ ms → provisioning\/ \(1 written, 0 deleted\); type check running…\n(.|\n)*dashboards\/demo\/service\.ts:7:7\n(.|\n)*TS2322(.|\n)*type check FAILED/,
      );
      expect(out).toContain(
        'provisioning/ was written before the check finished, `panelcraft build` refuses it until they are fixed',
      );
      const build = await typed.run('build');
      expect([build.code, build.stderr]).toEqual([1, expect.stringContaining('TS2322')]);

      await typed.write('dashboards/demo/service.ts', sdkDashboardSource('Typed v3'));
      await outputWithTitle(p, typed.root, 'Typed v3');
      await nth(p, /^panelcraft dev: type check passed in \d+ ms$/, 2);
    } finally {
      await p.stop();
      await typed.dispose();
    }
  }, 90_000);
});
