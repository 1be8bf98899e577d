import { readFileSync } from 'node:fs';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { start, type Started } from './child-process.ts';
import { sdkDashboardSource } from './temp-project.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/panelcraft.js');

/** Resident memory of a process in bytes (Linux: /proc/<pid>/status). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Saves the way vim, JetBrains "safe write" and `sed -i` do: a new file renamed over the old one. */
export async function renameSave(file: string, contents: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.swp`);
  await writeFile(temp, contents);
  await rename(temp, file);
}

/** Polls until some built dashboard under provisioning/dashboards/<folder> has `title`. */
export async function waitForTitle(
  dev: Started,
  root: string,
  folder: string,
  title: string,
  timeoutMs = 30_000,
): Promise<void> {
  const dir = path.join(root, 'provisioning', 'dashboards', folder);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      if ((await readFile(path.join(dir, name), 'utf8').catch(() => '')).includes(`"title": ${JSON.stringify(title)}`))
        return;
    }
    if (Date.now() > deadline) throw new Error(`output never showed "${title}"\n${dev.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface ReloadLoopResult {
  /** RSS of the dev process after the first build and after each later reload, bytes. */
  readonly rss: readonly number[];
  readonly ms: number;
}

/**
 * Starts `panelcraft dev` on `root` (which has dashboards/demo/service.ts), saves a new title `reloads` times by
 * rename and waits for each to be built; samples the process's RSS after each. Stops the process by pid.
 */
export async function reloadLoop(root: string, reloads: number): Promise<ReloadLoopResult> {
  // Measures the loader's memory; the type check (one compiler program per rebuild) is left out here, and its
  // memory over many reloads is not measured yet (issue 9 report).
  const dev = start(process.execPath, [BIN, 'dev', '--no-typecheck', '--root', root]);
  const t0 = performance.now();
  try {
    await dev.waitForLine(/^panelcraft dev: built/, 60_000);
    const rss = [rssOf(dev.pid)];
    for (let i = 1; i <= reloads; i++) {
      const title = `Demo reload ${i}`;
      await renameSave(path.join(root, 'dashboards/demo/service.ts'), sdkDashboardSource(title));
      await waitForTitle(dev, root, 'demo', title);
      rss.push(rssOf(dev.pid));
    }
    return { rss, ms: performance.now() - t0 };
  } finally {
    await dev.stop();
  }
}
