import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputStage, STAGE_PREFIX } from '../../src/io/output-stage.ts';
import { readDiskState } from '../../src/io/write-tree.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-stage-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const stages = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(STAGE_PREFIX));

describe('OutputStage', () => {
  it('writes each file ahead, hidden, and gives it back only for the very same bytes', async () => {
    const out = path.join(root, 'provisioning');
    const stage = new OutputStage(out);
    stage.add('dashboards/a/one.json', '{"uid":"one"}\n');
    stage.add('dashboards/b/two.json', '{"uid":"two"}\n');
    const staged = await stage.settle();
    const one = staged('dashboards/a/one.json', '{"uid":"one"}\n');
    expect(one).toBeDefined();
    expect(readFileSync(one!, 'utf8')).toBe('{"uid":"one"}\n');
    expect(path.dirname(one!)).toBe(path.join(out, stages(out)[0]!));
    expect(staged('dashboards/b/two.json', '{"uid":"2"}\n')).toBeUndefined(); // other bytes: written as before
    expect(staged('dashboards/c/three.json', '{}')).toBeUndefined(); // never staged
    // What Grafana and the build read of the output folder: nothing (a dot-folder).
    const disk = await readDiskState(out);
    expect([...disk.files.keys()]).toEqual([]);
    expect(disk.temps).toEqual([]);
    expect(OutputStage.place(one!, path.join(out, 'one.json'))).toBe(true);
    expect(readFileSync(path.join(out, 'one.json'), 'utf8')).toBe('{"uid":"one"}\n');
    await stage.discard();
    expect(readdirSync(out)).toEqual(['one.json']); // the stage and what was left in it are gone
  });

  it('removes the output folder it made when nothing went into it (a failed build writes nothing)', async () => {
    const out = path.join(root, 'provisioning');
    const stage = new OutputStage(out);
    stage.add('dashboards/one.json', '{}');
    expect(existsSync(out)).toBe(true);
    await stage.discard();
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an output folder that was there before', async () => {
    const out = path.join(root, 'provisioning');
    await mkdir(out);
    const stage = new OutputStage(out);
    stage.add('dashboards/one.json', '{}');
    await stage.discard();
    expect(readdirSync(out)).toEqual([]);
  });

  it('makes nothing when unused', async () => {
    const stage = new OutputStage(path.join(root, 'provisioning'));
    expect((await stage.settle())('dashboards/one.json', '{}')).toBeUndefined();
    await stage.discard();
    expect(readdirSync(root)).toEqual([]);
  });

  it('stages nothing through a link, into a file, or below a missing folder', async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-stage-elsewhere-'));
    try {
      await symlink(elsewhere, path.join(root, 'linked'));
      await writeFile(path.join(root, 'file'), 'not a folder');
      for (const out of ['linked', 'file', 'missing/provisioning'].map((p) => path.join(root, p))) {
        const stage = new OutputStage(out);
        stage.add('dashboards/one.json', '{}');
        expect((await stage.settle())('dashboards/one.json', '{}')).toBeUndefined();
        await stage.discard();
      }
      expect(readdirSync(elsewhere)).toEqual([]);
      expect(readdirSync(root).sort()).toEqual(['file', 'linked']);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("removes the stage folders of processes that are gone, and keeps a running process's", async () => {
    const out = path.join(root, 'provisioning');
    const gone = `${STAGE_PREFIX}2147483646-abc`; // above Linux's pid_max: no such process
    const running = `${STAGE_PREFIX}${process.ppid}-def`;
    for (const name of [gone, running]) {
      await mkdir(path.join(out, name), { recursive: true });
      await writeFile(path.join(out, name, '0'), '{}');
    }
    const stage = new OutputStage(out);
    stage.add('dashboards/one.json', '{}');
    await stage.settle();
    const left = stages(out);
    expect(left).toContain(running);
    expect(left).not.toContain(gone);
    expect(left).toHaveLength(2); // and its own
    await stage.discard();
    expect(stages(out)).toEqual([running]);
  });

  it('is answered when the writer could not write a file: that file is written as before', async () => {
    const out = path.join(root, 'provisioning');
    const stage = new OutputStage(out);
    stage.add('dashboards/one.json', '{}');
    const first = await stage.settle();
    const temp = first('dashboards/one.json', '{}')!;
    await rm(path.dirname(temp), { recursive: true }); // the stage folder is gone: the next write fails
    stage.add('dashboards/two.json', '{"two":2}');
    const second = await stage.settle();
    expect(second('dashboards/two.json', '{"two":2}')).toBeUndefined();
    expect(OutputStage.place(temp, path.join(out, 'one.json'))).toBe(false);
    await stage.discard();
  });
});
