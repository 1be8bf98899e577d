import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One case of the committed corpus: the template and promtool's verdict on it ("valid" or its error). */
export interface TemplateVerdict {
  readonly template: string;
  readonly promtool: string;
}

/** The alert each template is the annotation of; it also names the template (`__alert_a<i>`). */
export const alertName = (i: number) => `a${i}`;

/**
 * promtool's verdict per template: one rule file, one alerting rule per template with the template as its only
 * annotation; promtool lists every rule whose template does not parse.
 */
export async function promtoolVerdicts(templates: readonly string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'panelcraft-templates-'));
  try {
    const file = join(dir, 'templates.yml');
    const rules = templates
      .map(
        (t, i) =>
          `      - alert: ${alertName(i)}\n        expr: up == 0\n        annotations:\n          x: ${JSON.stringify(t)}\n`,
      )
      .join('');
    writeFileSync(file, `groups:\n  - name: corpus\n    rules:\n${rules}`);
    let output: string;
    try {
      const { stdout, stderr } = await run('promtool', ['check', 'rules', file], { maxBuffer: 64 * 1024 * 1024 });
      output = stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    const verdicts = templates.map(() => 'valid');
    let found = 0;
    for (const line of output.split('\n')) {
      const m = /group "corpus", rule (\d+), "a\d+": annotation "x": (.*)$/.exec(line);
      if (m) {
        verdicts[Number(m[1]) - 1] = m[2]!;
        found++;
      }
    }
    if (found === 0 && !output.includes('SUCCESS')) throw new Error(`promtool output not understood:\n${output}`);
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
