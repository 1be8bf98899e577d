import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/build/manifest.ts';
import { readDiskState, type HashCache } from '../../src/io/write-tree.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readDiskState with a hash cache', () => {
  it('reuses a hash while size and mtime hold, and re-reads a file that changed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-disk-'));
    await mkdir(path.join(dir, 'dashboards'));
    const file = path.join(dir, 'dashboards', 'a.json');
    await writeFile(file, '{"a":1}\n');
    const cache: HashCache = new Map();
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":1}\n'));
    cache.set(file, { ...cache.get(file)!, hash: 'remembered' });
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe('remembered');
    await writeFile(file, '{"a":2}\n');
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    expect((await readDiskState(dir, cache)).files.get('dashboards/a.json')).toBe(sha256('{"a":2}\n'));
    expect((await readDiskState(dir)).files.get('dashboards/a.json')).toBe(sha256('{"a":2}\n'));
  });
});
