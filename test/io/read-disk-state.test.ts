import { mkdtemp, readFile, rename, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, parseManifest, sha256 } from '../../src/build/manifest.ts';
import { planWrites } from '../../src/build/plan-writes.ts';
import { applyPlan, readDiskState, type HashCache } from '../../src/io/write-tree.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readDiskState with a hash cache', () => {
  it('reuses a hash while size, mtime and inode hold, and re-reads a file that changed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-disk-'));
    await mkdir(path.join(dir, 'dashboards'));
    const file = path.join(dir, 'dashboards', 'a.json');
    await writeFile(file, '{"a":1}\n');
    const past = new Date(Date.now() - 60_000);
    await utimes(file, past, past);
    const cache: HashCache = new Map();
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":1}\n'));
    cache.set(file, { ...cache.get(file)!, hash: 'remembered' });
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe('remembered');
    await writeFile(file, '{"a":2}\n');
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":2}\n'));
    expect((await readDiskState(dir)).files.get('dashboards/a.json')).toBe(sha256('{"a":2}\n'));
    // Same size and mtime, another file (a rename over it): the inode tells.
    await utimes(file, past, past);
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":2}\n'));
    const other = path.join(dir, 'other');
    await writeFile(other, '{"a":3}\n');
    await utimes(other, past, past);
    await rename(other, file);
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":3}\n'));
  });

  it('does not remember a file modified within the last two seconds (a second write could keep size and mtime)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-disk-'));
    await writeFile(path.join(dir, 'a.yaml'), 'a: 1\n');
    const cache: HashCache = new Map();
    expect((await readDiskState(dir, cache)).files.get('a.yaml')).toBe(sha256('a: 1\n'));
    expect(cache.size).toBe(0);
  });

  it('reads the manifest as it is now, also when it goes back to an earlier text', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-disk-'));
    const a = `${sha256('a')} dashboards/a.json\n`;
    const b = `${sha256('b')} dashboards/a.json\n${sha256('b')} dashboards/b.json\n`;
    const manifestAfter = async (text: string) => {
      await writeFile(path.join(dir, MANIFEST_FILE), text);
      return [...((await readDiskState(dir)).manifest ?? new Map())];
    };
    expect(await manifestAfter(a)).toEqual([['dashboards/a.json', [sha256('a')]]]);
    expect(await manifestAfter(b)).toEqual([
      ['dashboards/a.json', [sha256('b')]],
      ['dashboards/b.json', [sha256('b')]],
    ]);
    expect(await manifestAfter(a)).toEqual([['dashboards/a.json', [sha256('a')]]]);
    await rm(path.join(dir, MANIFEST_FILE));
    expect((await readDiskState(dir)).manifest).toBeUndefined();
  });

  it('after a write, reads back the manifest it wrote, and a hand edit of it after that', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-disk-'));
    const files = [{ path: 'dashboards/a.json', contents: '{"a":1}\n' }];
    await applyPlan(dir, planWrites(files, await readDiskState(dir), { outLabel: 'provisioning' }));
    const written = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
    expect([...(await readDiskState(dir)).manifest!]).toEqual([...parseManifest(written)]);
    expect([...(await readDiskState(dir)).manifest!]).toEqual([['dashboards/a.json', [sha256('{"a":1}\n')]]]);
    await writeFile(path.join(dir, MANIFEST_FILE), written.replace(sha256('{"a":1}\n'), sha256('other')));
    expect([...(await readDiskState(dir)).manifest!]).toEqual([['dashboards/a.json', [sha256('other')]]]);
  });
});
