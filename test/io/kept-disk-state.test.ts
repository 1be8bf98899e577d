import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/build/manifest.ts';
import { type DiskState, planWrites } from '../../src/build/plan-writes.ts';
import { KeptDiskState } from '../../src/io/kept-disk-state.ts';
import { applyPlan, readDiskState } from '../../src/io/write-tree.ts';
import type { OutputFile } from '../../src/model/output-file.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const file = (p: string, text: string): OutputFile => ({ path: p, contents: text, sha256: sha256(text) });
const A1 = file('dashboards/team/a.json', '{"a":1}\n');
const A2 = file('dashboards/team/a.json', '{"a":2}\n');
const A3 = file('dashboards/team/a.json', '{"a":3}\n');
const B1 = file('dashboards/team/b.json', '{"b":1}\n');

/** What a plan says, without its contents. */
function planned(disk: DiskState, files: readonly OutputFile[]) {
  const plan = planWrites(files, disk, { outLabel: 'provisioning' });
  return {
    plan,
    said: {
      writes: plan.writes.map((f) => f.path),
      deletes: plan.deletes,
      diagnostics: plan.diagnostics.map((d) => `${d.rule} ${d.file}`),
    },
  };
}

/** Plans `files` against what `kept` knows, and against the disk read in full; writes when the plan is clean. */
async function save(kept: KeptDiskState, files: readonly OutputFile[]) {
  const known = await kept.read(dir, files);
  const full = await readDiskState(dir);
  const a = planned(known, files);
  expect(a.said).toEqual(planned(full, files).said);
  if (a.plan.diagnostics.length === 0) {
    await applyPlan(dir, a.plan);
    kept.wrote(dir, a.plan);
  }
  return a.said;
}

describe('KeptDiskState', () => {
  it('plans as a full read of the folder would, checking on disk what changes and what a watcher reported', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-kept-'));
    const kept = new KeptDiskState(new Set([dir]));
    expect(await save(kept, [A1, B1])).toEqual({ writes: [A1.path, B1.path], deletes: [], diagnostics: [] });
    expect(await save(kept, [A2, B1])).toEqual({ writes: [A1.path], deletes: [], diagnostics: [] });

    // An edit nobody reported, to a file this save does not change, is not read again...
    const b = path.join(dir, 'dashboards/team/b.json');
    await writeFile(b, '{"b":"by hand"}\n');
    expect((await kept.read(dir, [A2, B1])).files.get(B1.path)).toBe(B1.sha256);
    // ...and once reported, it is, and stops the write as a full read would.
    kept.changed(b);
    expect(await save(kept, [A2, B1])).toEqual({
      writes: [],
      deletes: [],
      diagnostics: ['output-hand-edited provisioning/dashboards/team/b.json'],
    });
    await writeFile(b, B1.contents);
    kept.changed(b);

    // A file this save changes is checked on disk, reported or not.
    await writeFile(path.join(dir, A2.path), '{"a":"by hand"}\n');
    expect((await save(kept, [A3, B1])).diagnostics).toEqual([
      'output-hand-edited provisioning/dashboards/team/a.json',
    ]);
    await writeFile(path.join(dir, A2.path), A2.contents);
    expect(await save(kept, [A3, B1])).toEqual({ writes: [A1.path], deletes: [], diagnostics: [] });

    // A foreign file in a new folder: the folder is read again.
    await mkdir(path.join(dir, 'dashboards/other'));
    await writeFile(path.join(dir, 'dashboards/other/x.json'), '{}\n');
    kept.changed(path.join(dir, 'dashboards/other'));
    expect((await save(kept, [A3, B1])).diagnostics).toEqual([
      'output-foreign-file provisioning/dashboards/other/x.json',
    ]);
    await rm(path.join(dir, 'dashboards/other'), { recursive: true });
    kept.changed(path.join(dir, 'dashboards/other'));

    // A source gone: its output is deleted, and what is kept matches the disk after.
    expect(await save(kept, [A3])).toEqual({ writes: [], deletes: [B1.path], diagnostics: [] });
    expect(await save(kept, [A3])).toEqual({ writes: [], deletes: [], diagnostics: [] });
  });

  it('reads a folder nobody watches in full every time, and everything after an unnamed change', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-kept-'));
    for (const watched of [new Set<string>(), new Set([dir])]) {
      const kept = new KeptDiskState(watched);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir);
      await save(kept, [A1, B1]);
      await writeFile(path.join(dir, B1.path), '{"b":"by hand"}\n');
      if (watched.size > 0) kept.changed('unknown');
      expect((await save(kept, [A1, B1])).diagnostics).toEqual([
        'output-hand-edited provisioning/dashboards/team/b.json',
      ]);
    }
  });
});
