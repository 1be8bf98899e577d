import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SetAside } from '../../bench/quiet-disk.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-set-aside-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SetAside', () => {
  it('moves folders aside, keeping their files, until it is emptied', async () => {
    const aside = new SetAside(path.join(dir, 'aside'));
    for (const run of ['one', 'two']) {
      await mkdir(path.join(dir, 'out/team'), { recursive: true });
      await writeFile(path.join(dir, 'out/team/a.json'), run);
      await aside.discard(path.join(dir, 'out'));
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    }
    await aside.discard(path.join(dir, 'never-made'));
    expect(readdirSync(path.join(dir, 'aside')).sort()).toEqual(['0-out', '1-out']);
    expect(readFileSync(path.join(dir, 'aside/1-out/team/a.json'), 'utf8')).toBe('two');
    await aside.empty();
    expect(readdirSync(dir)).toEqual([]);
  });
});
