import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProjectRoot } from '../../src/io/find-root.ts';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-root-'));
  await mkdir(path.join(base, 'team/dashboards/api'), { recursive: true });
  await writeFile(path.join(base, 'team/package.json'), '{}');
  await mkdir(path.join(base, 'team/provisioning/dashboards'), { recursive: true });
  await mkdir(path.join(base, 'conf/dashboards'), { recursive: true });
  await mkdir(path.join(base, 'conf/sub'), { recursive: true });
  await writeFile(path.join(base, 'conf/panelcraft.yaml'), '');
  await mkdir(path.join(base, 'nodash/sub'), { recursive: true });
  await writeFile(path.join(base, 'nodash/panelcraft.yaml'), '');
  await mkdir(path.join(base, 'empty'), { recursive: true });
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('findProjectRoot', () => {
  it('walks up to package.json next to dashboards/, or to panelcraft.yaml', () => {
    expect(findProjectRoot(path.join(base, 'team/dashboards/api'), { needDashboards: true })).toEqual({
      ok: true,
      root: path.join(base, 'team'),
    });
    expect(findProjectRoot(path.join(base, 'team/provisioning/dashboards'), { needDashboards: true })).toEqual({
      ok: true,
      root: path.join(base, 'team'),
    });
    expect(findProjectRoot(path.join(base, 'conf/sub'), { needDashboards: true })).toEqual({
      ok: true,
      root: path.join(base, 'conf'),
    });
  });

  it('refuses a project without dashboards/, naming the folder', () => {
    expect(findProjectRoot(path.join(base, 'nodash/sub'), { needDashboards: true })).toEqual({
      ok: false,
      message: `${path.join(base, 'nodash')} has no dashboards/ or alerts/ folder; create one (or run \`npx panelcraft init\`), or pass --root to the project folder`,
    });
    expect(findProjectRoot(path.join(base, 'nodash/sub'), { needDashboards: false })).toEqual({
      ok: true,
      root: path.join(base, 'nodash'),
    });
  });

  it('refuses a --root that does not exist or is a file', () => {
    expect(findProjectRoot(base, { explicit: 'typo', needDashboards: true })).toEqual({
      ok: false,
      message: `--root ${path.join(base, 'typo')} does not exist`,
    });
    expect(findProjectRoot(base, { explicit: 'team/package.json', needDashboards: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('is a file'),
    });
    expect(findProjectRoot(base, { explicit: 'team', needDashboards: true })).toEqual({
      ok: true,
      root: path.join(base, 'team'),
    });
  });

  it('without any project up the tree, says where it looked', () => {
    const found = findProjectRoot(path.join(base, 'empty'), { needDashboards: true });
    expect(found.ok).toBe(false);
    if (!found.ok)
      expect(found.message).toContain(`no panelcraft project in ${path.join(base, 'empty')} or any folder above it`);
  });
});
