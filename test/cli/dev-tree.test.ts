import { existsSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDev } from '../../src/cli/commands/dev.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

const withUid = (title: string, uid: string) =>
  sdkDashboardSource(title).replace(')\n  .withPanel', `).uid('${uid}')\n  .withPanel`);

/** `dev` in this process, without the type check; `lines()` is what it printed. */
function devIn(root: string) {
  let text = '';
  const ctx: CliContext = { cwd: root, env: {}, stdout: (t) => (text += t), stderr: (t) => (text += t) };
  const stop = new AbortController();
  const running = runDev(root, ctx, stop.signal, { typecheck: false });
  /** Waits until the n-th rebuild line (built or nothing written) was printed, and returns the text since `from`. */
  const rebuilds = async (n: number) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const done = text.match(/^panelcraft dev: (built|.*nothing written)/gm) ?? [];
      if (done.length >= n) return text;
      if (Date.now() > deadline) throw new Error(`no rebuild ${n}\n${text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { rebuilds, stop: async () => (stop.abort(), await running), text: () => text };
}

async function outputs(root: string): Promise<string[]> {
  const base = path.join(root, 'provisioning/dashboards');
  const out: string[] = [];
  for (const folder of (await readdir(base, { withFileTypes: true })).filter((e) => e.isDirectory()))
    for (const name of await readdir(path.join(base, folder.name))) out.push(`${folder.name}/${name}`);
  return out.sort();
}

describe('dev reports what a full build reports, save by save', () => {
  it('a duplicate uid, a deleted source, a renamed folder, a hand-edited output', async () => {
    project = await tempProject({
      'dashboards/ops/a.ts': withUid('A', 'alpha'),
      'dashboards/ops/b.ts': withUid('B', 'beta'),
    });
    const root = project.root;
    const dev = devIn(root);
    try {
      await dev.rebuilds(1);
      expect(await outputs(root)).toEqual(['ops/alpha.json', 'ops/beta.json']);

      // A uid used twice: nothing written, the error names the second file, as `build` does.
      await project.write('dashboards/ops/b.ts', withUid('B', 'alpha'));
      const dup = await dev.rebuilds(2);
      expect(dup).toContain('error uid-unique (/uid): uid "alpha" is also used by dashboards/ops/a.ts');
      expect(dup).toMatch(
        /^panelcraft dev: 1 error, \d+ warnings; nothing written, provisioning\/ keeps the last good output/m,
      );
      expect((await project.run('build')).stderr).toContain('uid "alpha" is also used by dashboards/ops/a.ts');
      expect(await outputs(root)).toEqual(['ops/alpha.json', 'ops/beta.json']);

      // Deleting the source deletes its output.
      await rm(path.join(root, 'dashboards/ops/b.ts'));
      await dev.rebuilds(3);
      expect(await outputs(root)).toEqual(['ops/alpha.json']);

      // A renamed folder moves the output.
      await rename(path.join(root, 'dashboards/ops'), path.join(root, 'dashboards/platform'));
      await dev.rebuilds(4);
      expect(await outputs(root)).toEqual(['platform/alpha.json']);

      // A hand edit of an output is refused at the next save, as `build` refuses it.
      await writeFile(path.join(root, 'provisioning/dashboards/platform/alpha.json'), '{"edited": true}\n');
      await new Promise((r) => setTimeout(r, 500)); // the watcher's report of the edit (debounced 10 ms)
      await project.write('dashboards/platform/c.ts', withUid('C', 'gamma'));
      const edited = await dev.rebuilds(5);
      // The line of rebuild 5 (rebuild 4 built one dashboard, then the edit).
      const fifth = edited.slice(edited.lastIndexOf('built 1 dashboards'));
      expect(fifth).toContain(
        'provisioning/dashboards/platform/alpha.json was edited by hand after panelcraft wrote it',
      );
      expect(fifth).toMatch(/^panelcraft dev: 1 error, \d+ warnings; nothing written/m);
      expect(existsSync(path.join(root, 'provisioning/dashboards/platform/gamma.json'))).toBe(false);
      expect((await project.run('build')).stderr).toContain('alpha.json was edited by hand');
    } finally {
      await dev.stop();
    }
  }, 120_000);
});
