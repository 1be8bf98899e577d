import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProject } from '../../src/tooling/build-project.ts';
import { cacheDashboard } from '../support/cache-project.ts';

/** This process's children (esbuild's service is `esbuild`), with their GOGC. */
function childProcesses(): { comm: string; gogc: string | undefined }[] {
  const pids = readdirSync(`/proc/${process.pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean),
  );
  return pids.flatMap((pid) => {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      return [{ comm, gogc: env.find((e) => e.startsWith('GOGC='))?.slice('GOGC='.length) }];
    } catch {
      return []; // exited meanwhile
    }
  });
}
const children = () => childProcesses().map((c) => c.comm);

const gogcBefore = process.env.GOGC;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-stop-bundler-'));
  await mkdir(path.join(root, 'dashboards'));
  await writeFile(path.join(root, 'dashboards/home.ts'), cacheDashboard('Home'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')("a build's esbuild process", () => {
  it('stays for the next load without stopBundler (`dev`), and is gone once a build with it has loaded', async () => {
    const kept = await buildProject({ root, typecheck: false, cache: false });
    expect(kept.dashboards.map((d) => d.uid)).toEqual(['home']);
    expect(children()).toEqual(['esbuild']);
    // A GOGC for esbuild's process only: this process's environment is as it was.
    expect(childProcesses()[0]!.gogc).toBe(process.env.GOGC ?? '200');
    expect(process.env.GOGC).toBe(gogcBefore);
    const stopped = await buildProject({ root, typecheck: false, cache: false, stopBundler: true });
    expect(stopped.dashboards.map((d) => d.uid)).toEqual(['home']);
    // Killed, it exits and is reaped a moment later; without the stop it would stay (as above).
    await vi.waitFor(() => expect(children()).toEqual([]), { timeout: 10_000, interval: 20 });
    // A later load starts it again.
    const again = await buildProject({ root, typecheck: false, cache: false });
    expect(again.dashboards.map((d) => d.uid)).toEqual(['home']);
    expect(children()).toEqual(['esbuild']);
  });
});
