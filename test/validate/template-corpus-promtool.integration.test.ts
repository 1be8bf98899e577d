import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parsePrometheusTemplate } from '../../src/validate/rule-files/prometheus-template.ts';
import { alertName, promtoolVerdicts, type TemplateVerdict } from './template-corpus/promtool-verdicts.ts';

const available = await promisify(execFile)('promtool', ['--version']).then(
  () => true,
  () => false,
);
if (!available && process.env.CI !== 'true')
  console.warn('SKIPPING alert-template promtool test: promtool is not installed (apt-get install prometheus)');

describe.skipIf(!available && process.env.CI !== 'true')('alert templates: promtool re-run on the corpus', () => {
  const recorded = JSON.parse(
    readFileSync(join(import.meta.dirname, 'template-corpus', 'verdicts.json'), 'utf8'),
  ) as TemplateVerdict[];

  it('gives today the verdicts recorded, and the checker agrees with each', async () => {
    const templates = recorded.map((c) => c.template);
    const live = await promtoolVerdicts(templates);
    expect(live).toEqual(recorded.map((c) => c.promtool));
    const disagreements = templates
      .map((template, i) => ({
        template,
        promtool: live[i]!,
        ours: parsePrometheusTemplate(template, alertName(i), [2, 42])?.message ?? 'valid',
      }))
      .filter((d) => (d.promtool === 'valid') !== (d.ours === 'valid'));
    expect(disagreements).toEqual([]);
  }, 60_000);
});
