import { describe, expect, it } from 'vitest';
import { promqlHistogramQuantileLe } from '../../../src/validate/rules/promql-histogram-quantile-le.ts';
import { dashboardWith } from './promql-fixture.ts';

const settings = { origin: 'lint' } as const;

describe('promql-histogram-quantile-le', () => {
  it('accepts by (le, …), without (…) keeping le, and native histograms', () => {
    const doc = dashboardWith(
      'histogram_quantile(0.95, sum by (le, handler) (rate(x_bucket[$__rate_interval])))',
      'histogram_quantile(0.95, sum without (instance) (rate(x_bucket[5m])))',
      'histogram_quantile(0.95, sum(rate(x[5m])))',
    );
    expect(promqlHistogramQuantileLe.check(doc, settings)).toEqual([]);
  });

  it('flags an aggregation that drops le', () => {
    const doc = dashboardWith(
      'histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m])))',
      'histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))',
    );
    expect(promqlHistogramQuantileLe.check(doc, settings)).toEqual([
      {
        pointer: '/panels/0/targets/0/expr',
        message:
          'histogram_quantile() aggregates buckets with by (job), which drops "le": "sum by (job) (rate(x_bucket[5m]))"; Grafana shows no data',
        fix: 'keep le in the aggregation: sum by (le, job) (…)',
      },
      {
        pointer: '/panels/1/targets/0/expr',
        message:
          'histogram_quantile() aggregates buckets with without (le), which drops "le": "sum without (le) (rate(x_bucket[5m]))"; Grafana shows no data',
        fix: 'keep le in the aggregation: sum by (le) (…)',
      },
    ]);
  });
});
