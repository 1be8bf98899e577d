import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkPromql } from '../../src/promql/check.ts';
import { fullCorpus } from './corpus.ts';

const run = promisify(execFile);

async function hasPromtool(): Promise<boolean> {
  try {
    await run('promtool', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** promtool's verdict per expression: one rules file, one recording rule each; promtool lists every bad rule. */
async function promtoolVerdicts(exprs: readonly string[]): Promise<Map<number, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'panelcraft-promtool-'));
  try {
    const file = join(dir, 'corpus.yml');
    const rules = exprs.map((e, i) => `  - record: r${i}\n    expr: ${JSON.stringify(e)}\n`).join('');
    writeFileSync(file, `groups:\n- name: corpus\n  rules:\n${rules}`);
    let output: string;
    try {
      const { stdout, stderr } = await run('promtool', ['check', 'rules', file], { maxBuffer: 64 * 1024 * 1024 });
      output = stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    const bad = new Map<number, string>();
    for (const line of output.split('\n')) {
      const m = /group "corpus", rule (\d+), "r\d+": (.*)$/.exec(line);
      if (m) bad.set(Number(m[1]) - 1, m[2]!);
    }
    if (bad.size === 0 && !output.includes('SUCCESS')) throw new Error(`promtool output not understood:\n${output}`);
    return bad;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const available = await hasPromtool();
if (!available && process.env.CI !== 'true') {
  console.warn('SKIPPING promtool agreement test: promtool is not installed (apt-get install prometheus)');
}

describe.skipIf(!available && process.env.CI !== 'true')('checkPromql agrees with promtool', () => {
  const corpus = fullCorpus();

  it('has a corpus of at least 300 expressions, valid and invalid', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
  });

  it("gives promtool's verdict on every expression of the corpus", async () => {
    const theirs = await promtoolVerdicts(corpus);
    const disagreements = corpus
      .map((expr, i) => ({
        expr,
        promtool: theirs.get(i) ?? 'valid',
        ours: checkPromql(expr, { version: [2, 42] })[0]?.message ?? 'valid',
      }))
      .filter((d) => (d.promtool === 'valid') !== (d.ours === 'valid'));
    expect(disagreements).toEqual([]);
    expect(theirs.size).toBeGreaterThan(100);
    expect(corpus.length - theirs.size).toBeGreaterThan(100);
  }, 60_000);
});
