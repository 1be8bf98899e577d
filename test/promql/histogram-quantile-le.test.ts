import { describe, expect, it } from 'vitest';
import { aggregationsDroppingLe } from '../../src/promql/histogram-quantile-le.ts';
import { parsePromql } from '../../src/promql/parser.ts';

const drops = (expr: string) => {
  const ast = parsePromql(expr).expr;
  if (ast === undefined) throw new Error(`does not parse: ${expr}`);
  return aggregationsDroppingLe(ast).map((d) => [
    expr.slice(d.aggregation.from, d.aggregation.to),
    d.clause,
    d.keepingLe,
  ]);
};

describe('aggregationsDroppingLe', () => {
  it.each([
    'histogram_quantile(0.95, sum by (le, job) (rate(x_bucket[5m])))',
    'histogram_quantile(0.95, sum(rate(x_bucket[5m])) by (job, le))',
    'histogram_quantile(0.95, sum without (instance) (rate(x_bucket[5m])))',
    'histogram_quantile(0.95, rate(x_bucket[5m]))',
    'histogram_quantile(0.95, sum by (le) (sum by (le, job) (rate(x_bucket[5m]))))',
    'histogram_quantile(0.95, topk(3, rate(x_bucket[5m])))',
    // native histograms: the buckets are inside each sample, no le label exists
    'histogram_quantile(0.95, sum(rate(x[5m])))',
    'histogram_quantile(0.95, sum by (job) (rate(http_request_duration_seconds[5m])))',
    // an aggregation outside the call, or one over other series, is no concern
    'max by (job) (histogram_quantile(0.9, sum by (le, job) (rate(x_bucket[5m]))))',
    'histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])) * on() group_left() count(up))',
  ])('keeps le: %s', (expr) => expect(drops(expr)).toEqual([]));

  it('reports the outermost aggregation that drops le, with a rewrite that keeps it', () => {
    expect(drops('histogram_quantile(0.95, sum by (job) (rate(x_bucket[5m])))')).toEqual([
      ['sum by (job) (rate(x_bucket[5m]))', 'by (job)', 'sum by (le, job)'],
    ]);
    expect(drops('histogram_quantile(0.95, sum(rate(x_bucket[5m])))')).toEqual([
      ['sum(rate(x_bucket[5m]))', 'no by clause', 'sum by (le)'],
    ]);
    expect(drops('histogram_quantile(0.95, max without (le, instance) (rate(x_bucket[5m])))')).toEqual([
      ['max without (le, instance) (rate(x_bucket[5m]))', 'without (le, instance)', 'max without (instance)'],
    ]);
    expect(drops('histogram_quantile(0.95, sum by (le) (sum by (job) (rate(x_bucket[5m]))))')).toEqual([
      ['sum by (job) (rate(x_bucket[5m]))', 'by (job)', 'sum by (le, job)'],
    ]);
    expect(drops('histogram_quantile(0.95, sum by (job) (sum by (job) (rate(x_bucket[5m]))))')).toEqual([
      ['sum by (job) (sum by (job) (rate(x_bucket[5m])))', 'by (job)', 'sum by (le, job)'],
    ]);
    // buckets picked by le rather than by name
    expect(drops('histogram_quantile(0.5, sum by (job) ({__name__="x", le!=""}))')).toEqual([
      ['sum by (job) ({__name__="x", le!=""})', 'by (job)', 'sum by (le, job)'],
    ]);
  });
});
