import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/promql/ast.ts';
import { ratesOnGauges, unratedCounters } from '../../src/promql/metric-kind-misuse.ts';
import { parsePromql } from '../../src/promql/parser.ts';

const ast = (text: string): Expr => {
  const parsed = parsePromql(text);
  if (parsed.expr === undefined) throw new Error(`does not parse: ${text}`);
  return parsed.expr;
};
const metrics = (uses: readonly { metric: string }[]) => uses.map((u) => u.metric);

describe('unratedCounters', () => {
  it('names raw counters, also written as {__name__="…"}, and leaves rated or counted ones alone', () => {
    expect(metrics(unratedCounters(ast('http_requests_total + {__name__="gc_total"}')))).toEqual([
      'http_requests_total',
      'gc_total',
    ]);
    expect(unratedCounters(ast('sum(rate(http_requests_total[5m])) + count(x_total) + absent(y_total)'))).toEqual([]);
  });
});

describe('ratesOnGauges', () => {
  it('names rate/irate/increase over a gauge range or subquery, not over counters', () => {
    expect(metrics(ratesOnGauges(ast('rate(go_goroutines[5m]) + increase(process_open_fds[10m:1m])')))).toEqual([
      'go_goroutines',
      'process_open_fds',
    ]);
    expect(ratesOnGauges(ast('rate(http_requests_total[5m]) + deriv(go_goroutines[5m])'))).toEqual([]);
  });
});
