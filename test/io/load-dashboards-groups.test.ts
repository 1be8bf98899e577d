import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDashboards, startLoad } from '../../src/io/load-dashboards.ts';

let root: string;
const sources: Record<string, string> = {
  'dashboards/a/one.ts':
    "import { title } from '../_lib/names.ts';\nexport default { title: title('one'), panels: [] };\n",
  'dashboards/a/two.ts': "export default { title: 'two', panels: [] };\n",
  'dashboards/b/broken.ts': 'export default { title: ;\n',
  'dashboards/b/three.ts':
    "import { title } from '../_lib/names.ts';\nexport default { title: title('three'), panels: [] };\n",
  'dashboards/c/throws.ts': "throw new Error('no dashboard today');\n",
  'dashboards/c/four.ts': "export default () => ({ title: 'four', panels: [] });\n",
  'dashboards/_lib/names.ts': 'export const title = (name: string) => `Team ${name}`;\n',
};
const files = Object.keys(sources).filter((f) => !f.includes('/_lib/'));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-load-groups-'));
  for (const [file, text] of Object.entries(sources)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loadDashboards in groups', () => {
  it.each([1, 2, 4, 250])('gives every file in order, bad files alone, with groups of %i', async (groupSize) => {
    const inputs = new Set<string>();
    const loaded = await loadDashboards(root, files, inputs, groupSize);
    expect(loaded.map((l) => l.file)).toEqual(files);
    const summary = loaded.map((l) =>
      'exported' in l ? (l.exported as { title: string }).title : 'error' in l ? l.error.message.split(':')[0] : '?',
    );
    expect(summary).toEqual(['Team one', 'two', 'does not compile', 'Team three', 'threw while loading', 'four']);
    const one = loaded[0]!;
    expect('exported' in one && one.inputs).toEqual([
      path.join(root, 'dashboards/_lib/names.ts'),
      path.join(root, 'dashboards/a/one.ts'),
    ]);
    expect(inputs).toContain(path.join(root, 'dashboards/_lib/names.ts'));
    expect(inputs).toContain(path.join(root, 'dashboards/b/broken.ts'));
  });
});

/** This process's child processes, by name (esbuild's service is `esbuild`). */
function children(): string[] {
  return readdirSync(`/proc/${process.pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .flatMap((pid) => {
        try {
          return [readFileSync(`/proc/${pid}/comm`, 'utf8').trim()];
        } catch {
          return []; // exited meanwhile
        }
      }),
  );
}

describe('startLoad', () => {
  it('hands on each group as it is loaded, in order, and awaits the handler before the next', async () => {
    const seen: string[][] = [];
    let busy = false;
    const loaded = await startLoad(root, files, { groupSize: 2 }).load(files, async (group) => {
      expect(busy).toBe(false);
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(group.map((m) => m.file));
      busy = false;
    });
    expect(loaded.map((l) => l.file)).toEqual(files);
    // The first group of a root without known packages is one file at most FIRST_GROUP (25) long, then groups of 2.
    expect(seen.flat()).toEqual(files);
    expect(seen.map((g) => g.length)).toEqual([2, 2, 2]);
  });

  it('settles `bundled` once every group is bundled, before the last is handed on', async () => {
    const loading = startLoad(root, files, { groupSize: 2 });
    let settled = false;
    void loading.bundled.then(() => (settled = true));
    const seenSettled: boolean[] = [];
    await loading.load(files, async () => {
      await Promise.resolve(); // its callbacks run first
      seenSettled.push(settled);
    });
    expect(seenSettled).toHaveLength(3);
    expect(seenSettled.at(-1)).toBe(true);
  });

  it('settles `bundled` when a load is dropped or asked for other files', async () => {
    const stop = new AbortController();
    const dropped = startLoad(root, files, { groupSize: 1, signal: stop.signal });
    stop.abort();
    await expect(dropped.bundled).resolves.toBeUndefined();
    const other = startLoad(root, files, { groupSize: 1 });
    await other.load([files[1]!]);
    await expect(other.bundled).resolves.toBeUndefined();
  });

  it('hands on all the modules at once when it loads fewer files than it started with', async () => {
    const seen: string[][] = [];
    const needed = [files[0]!, files[3]!];
    const loaded = await startLoad(root, files, { groupSize: 2 }).load(needed, (group) => {
      seen.push(group.map((m) => m.file));
    });
    expect(loaded.map((l) => l.file)).toEqual(needed);
    expect(seen).toEqual([needed]);
  });

  it.runIf(process.platform === 'linux')(
    'stops esbuild once the last group is bundled (stopBundlerWhenBundled); a later load starts it again',
    async () => {
      // Files that compile and load: a group bundled again (a compile error, an error to locate) restarts esbuild.
      const good = files.filter((f) => !/broken|throws/.test(f));
      let atLastGroup: string[] | undefined;
      const loaded = await startLoad(root, good, { groupSize: 1, stopBundlerWhenBundled: true }).load(
        good,
        async (group) => {
          if (group.at(-1)?.file !== good.at(-1)) return;
          // Stopped before the last group was imported; killed, it is reaped a moment later.
          await vi.waitFor(() => expect(children()).not.toContain('esbuild'), { timeout: 10_000, interval: 20 });
          atLastGroup = children();
        },
      );
      expect(loaded.map((l) => ('exported' in l ? (l.exported as { title: string }).title : '?'))).toEqual([
        'Team one',
        'two',
        'Team three',
        'four',
      ]);
      expect(atLastGroup).toEqual([]);
      const again = await loadDashboards(root, [good[1]!]);
      expect(again.map((l) => ('exported' in l ? (l.exported as { title: string }).title : '?'))).toEqual(['two']);
      expect(children()).toContain('esbuild');
    },
  );
});
