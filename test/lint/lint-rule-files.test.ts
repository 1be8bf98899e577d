import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFileSource } from '../../src/lint/parse-rule-file-source.ts';
import { lintFiles } from '../../src/tooling/lint-files.ts';
import { CLEAN_RULES } from './rule-file-fixture.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'rules');
const fixture = (name: string) => ({ file: name, text: readFileSync(path.join(FIXTURES, name), 'utf8') });

describe('lint on Prometheus rule files', () => {
  it('runs the rule-file rules on a file no one here wrote and names the line of every finding', () => {
    const { diagnostics } = lintFiles([fixture('broken.rules.yaml')]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.pointer, /^line \d+/.exec(d.message)?.[0]])).toEqual([
      ['alert-name-camelcase', 'error', '/groups/0/rules/0/alert', 'line 5'],
      ['alert-annotations', 'error', '/groups/0/rules/0/annotations', 'line 8'],
      ['alert-annotations', 'error', '/groups/0/rules/0/annotations/summary', 'line 9'],
      ['promql-rate-on-gauge', 'warning', '/groups/0/rules/0/expr', 'line 6'],
      ['alert-severity', 'error', '/groups/0/rules/0/labels', 'line 5'],
      ['alert-template', 'error', '/groups/0/rules/1/annotations/description', 'line 17'],
      ['alert-annotations', 'error', '/groups/0/rules/1/annotations/summary', 'line 16'],
      ['rule-file-shape', 'error', '/groups/0/rules/1/for', 'line 12'],
      ['promql-syntax', 'error', '/groups/0/rules/2/expr', 'line 19'],
      ['rule-file-shape', 'error', '/groups/0/rules/2/for', 'line 20'],
      ['rule-file-shape', 'error', '/groups/1/name', 'line 21'],
      ['alert-annotations', 'error', '/groups/1/rules/0/annotations/summary', 'line 28'],
      ['promql-histogram-quantile-le', 'error', '/groups/1/rules/0/expr', 'line 24'],
      ['alert-for', 'error', '/groups/1/rules/0/for', 'line 23'],
    ]);
    expect(diagnostics.every((d) => d.file === 'broken.rules.yaml')).toBe(true);
  });

  it('applies the same PromQL checks as to dashboards: rate on a gauge, syntax, ranges against the scrape interval', () => {
    const rules = (expr: string) =>
      CLEAN_RULES.replace('up{job="api"} == 0', expr).replace(
        "summary: '{{ $labels.instance }} is down'",
        "summary: '{{ $value }}'",
      );
    const lint = (expr: string, scrapeInterval = '15s') =>
      lintFiles([{ file: 'r.yaml', text: rules(expr) }], {
        config: { datasource: { uid: 'p', name: 'P', url: 'http://p', scrapeInterval } },
      }).diagnostics.map((d) => d.rule);
    expect(lint('rate(http_requests_in_flight{job="api"}[5m]) > 1')).toEqual(['promql-rate-on-gauge']);
    expect(lint('sum(rate(http_requests_total{job="api"}[30s])) > 1')).toEqual(['promql-range-scrape']);
    expect(lint('sum(rate(http_requests_total{job="api"}[30s])) > 1', '5s')).toEqual([]);
    expect(lint('sum(rate(http_requests_total{job="api"}[5m]) > 1')).toEqual(['promql-syntax']);
    expect(lint('histogram_quantile(0.95, sum by (job) (rate(x_bucket{job="api"}[5m]))) > 0.8')).toEqual([
      'promql-histogram-quantile-le',
    ]);
    expect(lint('histogram_quantile(0.95, sum by (le, job) (rate(x_bucket{job="api"}[5m]))) > 0.8')).toEqual([]);
  });

  it('reports YAML that does not parse with its line, and YAML that is not a rule file', () => {
    const { diagnostics } = lintFiles([
      { file: 'bad.yaml', text: 'groups:\n  - name: a\n    rules: [\n' },
      { file: 'provider.yml', text: 'apiVersion: 1\nproviders: []\n' },
    ]);
    expect(diagnostics.map((d) => [d.file, d.rule, d.message.replace(/:.*$/s, '')])).toEqual([
      ['bad.yaml', 'rule-file-invalid', 'file is not valid YAML at line 4, column 1'],
      [
        'provider.yml',
        'not-a-rule-file',
        'a YAML file given to lint must be a Prometheus rule file, and this one has no top-level `groups',
      ],
    ]);
  });

  it('bounds YAML alias expansion (a billion-laughs file is a finding, not a hang)', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'groups: []',
      '',
    ].join('\n');
    const parsed = parseRuleFileSource(laughs);
    expect(parsed.ok).toBe(false);
  });

  it('turns a rule off, or excludes one alert, through the same rules: and exclusions: as the dashboard rules', () => {
    const broken = fixture('broken.rules.yaml');
    const off = lintFiles([broken], { config: { rules: { 'alert-annotations': 'off' } } }).diagnostics;
    expect(off.some((d) => d.rule === 'alert-annotations')).toBe(false);
    const excluded = lintFiles([broken], {
      config: {
        exclusions: [
          { rule: 'alert-annotations', dashboard: 'broken.rules.yaml', panel: 'ApiSlow', reason: 'owned upstream' },
        ],
      },
    }).diagnostics;
    expect(excluded.filter((d) => d.rule === 'alert-annotations').map((d) => d.pointer)).toEqual([
      '/groups/0/rules/0/annotations',
      '/groups/0/rules/0/annotations/summary',
      '/groups/0/rules/1/annotations/summary',
    ]);
  });
});
