import { describe, expect, it } from 'vitest';
import { promqlSyntax } from '../../../src/validate/rules/promql-syntax.ts';
import { dashboardWith } from './promql-fixture.ts';

const settings = { origin: 'lint' } as const;

describe('promql-syntax', () => {
  it('accepts valid PromQL with Grafana macros and variables', () => {
    const doc = dashboardWith(
      'sum by ($group) (rate(http_requests_total{job=~"$job"}[$__rate_interval])) > ${threshold}',
    );
    expect(promqlSyntax.check(doc, settings)).toEqual([]);
  });

  it('reports the error with column and excerpt of the original expression', () => {
    const doc = dashboardWith('sum(rate(http_requests_total{job="$job"}))');
    expect(promqlSyntax.check(doc, settings)).toEqual([
      {
        pointer: '/panels/0/targets/0/expr',
        message:
          'PromQL error at column 10 (near "sum(rate(http_requests_total{"): expected type range vector in call to function "rate", got instant vector',
        fix: expect.stringContaining('promtool check rules'),
      },
    ]);
  });

  it('skips targets of other datasource types', () => {
    const doc = dashboardWith('not promql (');
    const panel = (doc.dashboard.panels as { datasource: unknown }[])[0]!;
    panel.datasource = { type: 'loki', uid: 'logs' };
    expect(promqlSyntax.check(doc, settings)).toEqual([]);
  });
});
