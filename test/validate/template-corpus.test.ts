import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrometheusTemplate } from '../../src/validate/rule-files/prometheus-template.ts';
import { templateCorpus } from './template-corpus/cases.ts';
import { alertName, type TemplateVerdict } from './template-corpus/promtool-verdicts.ts';

const recorded = JSON.parse(
  readFileSync(join(import.meta.dirname, 'template-corpus', 'verdicts.json'), 'utf8'),
) as TemplateVerdict[];

describe('alert templates: the checker gives promtool 2.42 verdict on the recorded corpus', () => {
  it('records a verdict for every template of the corpus (regenerate with npm run gen:template-corpus)', () => {
    expect(recorded.map((c) => c.template)).toEqual(templateCorpus());
    const invalid = recorded.filter((c) => c.promtool !== 'valid').length;
    expect(recorded.length).toBeGreaterThanOrEqual(1000);
    expect(invalid).toBeGreaterThanOrEqual(300);
    expect(recorded.length - invalid).toBeGreaterThanOrEqual(300);
  });

  it('agrees on every template', () => {
    const disagreements = recorded
      .map((c, i) => ({ ...c, ours: parsePrometheusTemplate(c.template, alertName(i), [2, 42])?.message ?? 'valid' }))
      .filter((c) => (c.ours === 'valid') !== (c.promtool === 'valid'));
    expect(disagreements).toEqual([]);
  });

  it('fails on the error promtool names, in its words where they are the same', () => {
    const byTemplate = new Map(recorded.map((c, i) => [c.template, { ...c, i }]));
    for (const template of ['{{ $labels.job', '{{ nosuch $value }}', '{{ end }}', '{{ $labs.job }}']) {
      const c = byTemplate.get(template)!;
      const ours = parsePrometheusTemplate(template, alertName(c.i), [2, 42])!.message;
      expect(c.promtool).toBe(`template: __alert_${alertName(c.i)}:1: ${ours}`);
    }
  });
});
