import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkDashboardSource, tempProject, type TempProject } from '../support/temp-project.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/panelcraft.js');
const COUNT = 80;

/** Every .json under dir with its text. */
async function jsonFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (e.name.endsWith('.json')) out.set(abs, await readFile(abs, 'utf8'));
    }
  };
  await walk(dir);
  return out;
}

/** Starts a build and SIGKILLs it `delayMs` after the manifest changes (the write phase has begun). */
async function killDuringWrite(root: string, delayMs: number): Promise<void> {
  const manifest = path.join(root, 'provisioning', '.panelcraft-manifest');
  const before = existsSync(manifest) ? statSync(manifest).mtimeMs : -1;
  const child = spawn(process.execPath, [BIN, 'build', '--root', root], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (existsSync(manifest) && statSync(manifest).mtimeMs !== before) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
}

describe('a build killed while writing', () => {
  let p: TempProject;
  const sources = (version: string) =>
    Object.fromEntries(
      Array.from({ length: COUNT }, (_, i) => [
        `dashboards/team${i % 5}/d${i}.ts`,
        sdkDashboardSource(`Dashboard ${i} ${version}`),
      ]),
    );
  beforeAll(async () => {
    p = await tempProject(sources('v1'));
  });
  afterAll(() => p.dispose());

  it('never leaves a partial .json, and the next build finishes the job', async () => {
    const titles = (v: string) => new Set(Array.from({ length: COUNT }, (_, i) => `Dashboard ${i} ${v}`));
    const partial: number[] = [];
    const allowed = new Set([...titles('v1'), ...titles('v2')]);
    for (const [round, delay] of [0, 2, 5].entries()) {
      if (round === 1) for (const [file, text] of Object.entries(sources('v2'))) await p.write(file, text);
      await killDuringWrite(p.root, delay);
      const files = await jsonFiles(path.join(p.root, 'provisioning'));
      if (round === 0) partial.push(files.size);
      for (const [file, text] of files) {
        expect(text.endsWith('}\n'), file).toBe(true);
        expect(allowed.has(JSON.parse(text).title), file).toBe(true);
      }
    }
    // The first kill lands after the write began and before it ended: some files are there, not all.
    expect(partial[0]).toBeLessThan(COUNT);
    const finish = await p.run('build');
    expect(finish.stderr).not.toMatch(/^\s+error /m);
    expect(finish.code).toBe(0);
    const final = await jsonFiles(path.join(p.root, 'provisioning'));
    expect(final.size).toBe(COUNT);
    for (const text of final.values()) expect(titles('v2').has(JSON.parse(text).title)).toBe(true);
    const leftovers = (await readdir(path.join(p.root, 'provisioning'), { recursive: true })).filter((f) =>
      String(f).includes('panelcraft-tmp'),
    );
    expect(leftovers).toEqual([]);
    expect((await p.run('build', '--check')).code).toBe(0);
  }, 120_000);
});
