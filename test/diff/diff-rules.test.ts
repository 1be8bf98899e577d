import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffRules } from '../../src/diff/diff-rules.ts';
import { renderMarkdown } from '../../src/diff/render-markdown.ts';
import { renderText } from '../../src/diff/render-text.ts';
import { ruleSetFromFiles } from '../../src/diff/rule-set.ts';
import { ruleThresholds } from '../../src/diff/rule-thresholds.ts';

const FILE = 'prometheus/rules/go-services/go-service.yaml';

const errorAlert = (threshold: string, extra: Record<string, unknown> = {}) => ({
  alert: 'GoServiceHighErrorRatio',
  expr: `sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[1m])) / sum by (job) (rate(http_requests_total{job="api"}[1m])) > ${threshold}`,
  labels: { severity: 'critical' },
  annotations: { summary: 'High error ratio on {{ $labels.job }}' },
  ...extra,
});
const burn = (severity: string, forValue?: string) => ({
  alert: 'GoServiceAvailabilityBudgetBurn',
  expr: '(job:slo_requests_errors:rate1h / job:slo_requests:rate1h > 0.0144) and (job:slo_requests_errors:rate5m / job:slo_requests:rate5m > 0.0144)',
  ...(forValue ? { for: forValue } : {}),
  labels: { severity },
  annotations: { summary: 'Budget burn' },
});
const record = (expr: string) => ({ record: 'job:slo_requests:rate5m', expr });

function rules(groups: unknown[], file = FILE) {
  return ruleSetFromFiles([{ path: file, contents: stringify({ groups }) }]).rules;
}

describe('ruleThresholds', () => {
  it.each([
    ['up{job="a"} == 0', ['== 0']],
    ['x > 0.005', ['> 0.005']],
    ['0.8 < histogram_quantile(0.95, rate(b[1m]))', ['> 0.8']],
    ['(a > 0.0144) and (b > 0.0144)', ['> 0.0144']],
    ['x < -1', ['< -1']],
    ['predict_linear(fds[1h], 14400) >= max_fds', []],
    ['absent(up{job="a"})', []],
    ['x >', []],
  ])('%s → %j', (expr, expected) => {
    expect(ruleThresholds(expr)).toEqual(expected);
  });
});

describe('ruleSetFromFiles', () => {
  it('reads every alert and record with its group, interval and file, and reports files that are not rule files', () => {
    const result = ruleSetFromFiles([
      {
        path: 'b.yaml',
        contents: stringify({
          groups: [
            {
              name: 'g',
              interval: '5s',
              rules: [errorAlert('0.005'), record('sum(rate(x[5m]))'), { expr: 'no name' }],
            },
          ],
        }),
      },
      { path: 'a.yaml', contents: 'groups: [' },
      { path: 'c.yaml', contents: 'apiVersion: 1\n' },
    ]);
    expect(result.rules.map((r) => [r.file, r.group, r.interval, r.kind, r.name])).toEqual([
      ['b.yaml', 'g', '5s', 'alert', 'GoServiceHighErrorRatio'],
      ['b.yaml', 'g', '5s', 'record', 'job:slo_requests:rate5m'],
    ]);
    expect(result.unreadable.map((u) => u.file)).toEqual(['a.yaml', 'c.yaml']);
    expect(result.unreadable[1]?.message).toBe('not a Prometheus rule file: it has no `groups:` list');
  });
});

describe('diffRules', () => {
  it('is empty for the same rules, and treats a missing `for` as `for: 0s`', () => {
    const before = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.005')] }]);
    const after = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.005', { for: '0s' })] }]);
    expect(diffRules(before, after)).toEqual([]);
  });

  it('shows a threshold change as the threshold, next to the expression', () => {
    const before = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.005')] }]);
    const after = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.01')] }]);
    const [change] = diffRules(before, after);
    expect(change).toMatchObject({
      kind: 'changed',
      ruleKind: 'alert',
      name: 'GoServiceHighErrorRatio',
      severity: 'critical',
      group: 'pages',
      file: FILE,
    });
    expect(change?.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['expr', before[0]?.rule.expr, after[0]?.rule.expr],
      ['thresholds', '> 0.005', '> 0.01'],
    ]);
  });

  it('lists for, labels, annotations and the group interval per alert', () => {
    const before = rules([{ name: 'slo', interval: '30s', rules: [burn('warning', '15m')] }]);
    const after = rules([
      {
        name: 'slo',
        interval: '5s',
        rules: [
          {
            ...burn('warning', '1h'),
            labels: { severity: 'warning', team: 'payments' },
            annotations: { summary: 'Budget burn', runbook_url: 'https://r.example/x' },
          },
        ],
      },
    ]);
    expect(diffRules(before, after)[0]?.changes).toEqual([
      { field: 'interval', before: '30s', after: '5s' },
      { field: 'for', before: '15m', after: '1h' },
      { field: 'labels.team', after: 'payments' },
      { field: 'annotations.runbook_url', after: 'https://r.example/x' },
    ]);
  });

  it('tells apart two alerts of the same name by severity, and pairs them across a move to another group', () => {
    const before = rules([{ name: 'slo', rules: [burn('critical'), burn('warning', '15m')] }]);
    const after = rules([
      { name: 'slo-pages', interval: '5s', rules: [burn('critical')] },
      { name: 'slo', rules: [burn('warning', '30m')] },
    ]);
    const changes = diffRules(before, after);
    expect(changes.map((c) => [c.kind, c.name, c.severity, c.group, c.changes.map((x) => x.field)])).toEqual([
      ['changed', 'GoServiceAvailabilityBudgetBurn', 'warning', 'slo', ['for']],
      ['changed', 'GoServiceAvailabilityBudgetBurn', 'critical', 'slo-pages', ['group', 'interval']],
    ]);
  });

  it('lists added and removed rules with what they are', () => {
    const before = rules([{ name: 'rec', rules: [record('sum(rate(x[5m]))')] }]);
    const after = rules([{ name: 'pages', rules: [errorAlert('0.005', { for: '1m' })] }]);
    expect(diffRules(before, after)).toEqual([
      {
        kind: 'added',
        ruleKind: 'alert',
        name: 'GoServiceHighErrorRatio',
        group: 'pages',
        file: FILE,
        severity: 'critical',
        changes: [],
        after: { expr: after[0]?.rule.expr, for: '1m', thresholds: ['> 0.005'] },
      },
      {
        kind: 'removed',
        ruleKind: 'record',
        name: 'job:slo_requests:rate5m',
        group: 'rec',
        file: FILE,
        changes: [],
        before: { expr: 'sum(rate(x[5m]))' },
      },
    ]);
  });
});

describe('rendered rule changes', () => {
  const before = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.005'), record('sum(rate(x[5m]))')] }]);
  const after = rules([{ name: 'pages', interval: '5s', rules: [errorAlert('0.01', { for: '1m' })] }]);
  const report = { dashboards: [], rules: diffRules(before, after) };

  it('text: one line per rule, changed fields below', () => {
    expect(renderText(report)).toBe(
      [
        'No dashboard changes.',
        '',
        '2 rules differ: 1 removed, 1 changed.',
        '',
        `~ alert GoServiceHighErrorRatio (critical) [pages] changed  ${FILE}`,
        `    expr before: ${String(before[0]?.rule.expr)}`,
        `    expr after:  ${String(after[0]?.rule.expr)}`,
        '    thresholds: > 0.005 → > 0.01',
        '    for: 0s → 1m',
        '',
        `- record job:slo_requests:rate5m [pages] removed  ${FILE}`,
        '    expr: sum(rate(x[5m]))',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a table of rules, then the changed fields and both expressions', () => {
    const md = renderMarkdown(report, { base: 'main' });
    expect(md).toContain('#### Alert and recording rules\n\n2 rules differ: 1 removed, 1 changed.');
    expect(md).toContain(
      `| alert GoServiceHighErrorRatio (critical) | \`pages\` | \`${FILE}\` | changed | expr, thresholds, for |`,
    );
    expect(md).toContain('| thresholds | `> 0.005` | `> 0.01` |');
    expect(md).toContain('| for | `0s` | `1m` |');
    expect(md).toContain(`Expression after:\n\n\`\`\`promql\n${String(after[0]?.rule.expr)}\n\`\`\``);
  });
});
