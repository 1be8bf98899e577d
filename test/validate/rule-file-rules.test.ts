import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonValue } from '../../src/model/json.ts';
import { runRuleFileRules } from '../../src/validate/rule-files/run-rule-file-rules.ts';

const lint = (yaml: string, config = {}) =>
  runRuleFileRules(
    [{ file: 'rules.yaml', content: parse(yaml) as JsonValue }],
    { scrapeIntervalMs: 15_000 },
    config,
  ).map((d) => `${d.severity} ${d.rule} ${d.pointer}: ${d.message}`);

const GOOD = `
groups:
  - name: api
    interval: 5s
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: ApiDown
        expr: up{job="api"} == 0
        labels: { severity: critical }
        annotations: { summary: '{{ $labels.instance }} is down', description: 'up is {{ $value }}' }
      - alert: ApiSlow
        expr: job:http_requests:rate5m > 100
        for: 10m
        labels: { severity: warning }
        annotations: { summary: '{{ $labels.job }} busy', description: '{{ $value }} req/s' }
`;

describe('rule-file rules', () => {
  it('a well-formed, well-styled file has no findings', () => {
    expect(lint(GOOD)).toEqual([]);
  });

  it('rule-file-shape: what promtool 2.42 rejects, including keys newer than 2.42', () => {
    expect(
      lint(`
groups:
  - name: a
    labels: { team: x }
    query_offset: 1m
    rules:
      - record: bad name
        expr: up
        for: 5m
      - alert: A
        record: b
        expr: up
  - name: a
    interval: 5
    rules: []
`),
    ).toEqual([
      'error rule-file-shape /groups/0/labels: group key "labels" needs Prometheus 3.0; promtool 2.42 rejects the file',
      'error rule-file-shape /groups/0/query_offset: group key "query_offset" needs Prometheus 2.53; promtool 2.42 rejects the file',
      'error rule-file-shape /groups/0/rules/0/record: invalid recording rule name: "bad name"',
      "error rule-file-shape /groups/0/rules/0/for: record bad name: invalid field 'for' in recording rule",
      "error rule-file-shape /groups/0/rules/1: only one of 'record' and 'alert' must be set",
      'error rule-file-shape /groups/1/name: group name "a" is repeated in the same file',
      'error rule-file-shape /groups/1/interval: not a valid duration string: 5',
    ]);
    expect(lint('rules: []')).toEqual(['error rule-file-shape : a rule file must be a mapping with a `groups:` list']);
  });

  it('promql-syntax names the alert and explains Grafana variables have no place in rules', () => {
    const out = lint(GOOD.replace('up{job="api"} == 0', 'rate(x[$__rate_interval]) > 1'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^error promql-syntax \/groups\/0\/rules\/1\/expr: alert ApiDown: PromQL error at column \d+/,
    );
  });

  it('promql-counter-rate, promql-rate-on-gauge and promql-range-scrape', () => {
    expect(lint(GOOD.replace('up{job="api"} == 0', 'http_requests_total > 5'))).toEqual([
      'warning promql-counter-rate /groups/0/rules/1/expr: alert ApiDown: counter "http_requests_total" is used without rate(), irate() or increase(): "http_requests_total" only ever grows and resets on restart',
    ]);
    expect(lint(GOOD.replace('up{job="api"} == 0', 'rate(go_goroutines[5m]) > 5'))).toEqual([
      'warning promql-rate-on-gauge /groups/0/rules/1/expr: alert ApiDown: rate() is applied to gauge "go_goroutines": "rate(go_goroutines[5m])"',
    ]);
    expect(lint(GOOD.replace('rate(http_requests_total[5m])', 'rate(http_requests_total[30s])'))).toEqual([
      'error promql-range-scrape /groups/0/rules/0/expr: record job:http_requests:rate5m: range of "http_requests_total[30s]" is 30s, under 4 × the 15s scrape interval: one missed scrape leaves rate() without two samples',
    ]);
  });

  it('promql-histogram-quantile-le: an aggregation that drops le is an error with the rewrite; native histograms pass', () => {
    const file = (expr: string) => GOOD.replace('sum by (job) (rate(http_requests_total[5m]))', expr);
    expect(lint(file('histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))'))).toEqual([
      'error promql-histogram-quantile-le /groups/0/rules/0/expr: record job:http_requests:rate5m: histogram_quantile() aggregates buckets with by (job), which drops "le": "sum by (job) (rate(x_bucket[5m]))"; the quantile is always empty, so the rule never records or fires',
    ]);
    const [finding] = runRuleFileRules(
      [
        {
          file: 'r.yaml',
          content: parse(file('histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))')) as JsonValue,
        },
      ],
      { scrapeIntervalMs: 15_000 },
    );
    expect(finding?.fix).toBe('keep le in the aggregation: sum by (le, job) (…)');
    expect(lint(file('histogram_quantile(0.95, sum by (le, job) (rate(x_bucket[5m])))'))).toEqual([]);
    expect(lint(file('histogram_quantile(0.95, sum without (instance) (rate(x_bucket[5m])))'))).toEqual([]);
    expect(lint(file('histogram_quantile(0.95, sum by (job) (rate(x[5m])))'))).toEqual([]);
  });

  it('alert-template: labels and annotations of alerts parse as Prometheus templates; the finding names field and position', () => {
    const bad = GOOD.replace(
      "description: 'up is {{ $value }}'",
      "description: 'up is {{ $value | humanise }}'",
    ).replace(
      'labels: { severity: critical }',
      "labels: { severity: critical, team: '{{ if $labels.team }}{{ $labels.team }}' }",
    );
    expect(lint(bad)).toEqual([
      'error alert-template /groups/0/rules/1/labels/team: alert ApiDown: label "team" is not a valid template at 1:40 (near "$labels.team }}"): unexpected EOF',
      'error alert-template /groups/0/rules/1/annotations/description: alert ApiDown: annotation "description" is not a valid template at 1:19 (near "is {{ $value | humanise }}"): function "humanise" not defined',
    ]);
    const [finding] = runRuleFileRules([{ file: 'r.yaml', content: parse(bad) as JsonValue }], {
      scrapeIntervalMs: 15_000,
    }).filter((d) => d.pointer.endsWith('/description'));
    expect(finding?.fix).toMatch(/^use a function Prometheus templates have: humanize, /);
    // A position past a line break counts lines and columns in the value.
    expect(
      lint(GOOD.replace("description: 'up is {{ $value }}'", 'description: "{{ $value }}\\n  {{ $valu }}"')),
    ).toEqual([
      'error alert-template /groups/0/rules/1/annotations/description: alert ApiDown: annotation "description" is not a valid template at 2:6 (near "$value }} {{ $valu }}"): undefined variable "$valu"',
    ]);
  });

  it('alert-template follows the Prometheus version: {{else with}} needs 3.x (Go 1.23); recording rules are not templates', () => {
    const elseWith = GOOD.replace(
      "description: 'up is {{ $value }}'",
      "description: '{{ with $labels.a }}{{ . }}{{ else with $labels.b }}{{ . }}{{ end }} {{ $value }}'",
    );
    const run = (version: readonly [number, number]) =>
      runRuleFileRules([{ file: 'r.yaml', content: parse(elseWith) as JsonValue }], {
        scrapeIntervalMs: 15_000,
        prometheusVersion: version,
      }).map((d) => `${d.rule}: ${d.message.replace(/^.*: /, '')}`);
    expect(run([2, 42])).toEqual(['alert-template: unexpected <with> in else']);
    expect(run([3, 5])).toEqual([]);
    expect(
      lint(GOOD.replace('        expr: sum by', "        labels: { x: '{{ broken' }\n        expr: sum by")),
    ).toEqual([]);
  });

  it('mixtool style: CamelCase names, severity, templated summary and description, `for` on non-page alerts', () => {
    const bad = `
groups:
  - name: api
    rules:
      - alert: api_down
        expr: up == 0
        labels: { severity: page }
        annotations: { summary: API is down }
      - alert: ApiSlow
        expr: up == 0
        labels: { severity: warning }
        annotations: { summary: '{{ $labels.job }}', description: '{{ $value }}' }
`;
    expect(lint(bad)).toEqual([
      'error alert-annotations /groups/0/rules/0/annotations/summary: alert api_down: summary "API is down" uses no template',
      'error alert-annotations /groups/0/rules/0/annotations: alert api_down: no description annotation',
      'error alert-for /groups/0/rules/0/for: alert api_down: severity "page" but no `for`; it fires on the first evaluation',
      'error alert-for /groups/0/rules/1/for: alert ApiSlow: severity "warning" but no `for`; it fires on the first evaluation',
      'error alert-name-camelcase /groups/0/rules/0/alert: alert api_down: name is not CamelCase',
      'error alert-severity /groups/0/rules/0/labels: alert api_down: severity "page" is not one of critical, warning, info',
    ]);
  });

  it('levels and exclusions from panelcraft.yaml apply, an exclusion naming the alert', () => {
    const bad = GOOD.replace('        for: 10m\n', '');
    expect(lint(bad)).toHaveLength(1);
    expect(lint(bad, { rules: { 'alert-for': 'warning' } })[0]).toMatch(/^warning alert-for/);
    expect(lint(bad, { rules: { 'alert-for': 'off' } })).toEqual([]);
    expect(lint(bad, { exclusions: [{ rule: 'alert-for', panel: 'ApiSlow', reason: 'demo' }] })).toEqual([]);
    expect(lint(bad, { exclusions: [{ rule: 'alert-for', panel: 'Other', reason: 'demo' }] })).toHaveLength(1);
  });
});
