import { describe, expect, it } from 'vitest';
import { promqlCounterRate } from '../../../src/validate/rules/promql-counter-rate.ts';
import { dashboardWith } from './promql-fixture.ts';

const settings = { origin: 'lint' } as const;

describe('promql-counter-rate', () => {
  it('accepts counters under rate, histogram_quantile over rate, ratios of rates and count()', () => {
    const doc = dashboardWith(
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))',
      'sum(rate(http_request_duration_seconds_sum[5m])) / sum(rate(http_request_duration_seconds_count[5m]))',
      'count(http_requests_total)',
    );
    expect(promqlCounterRate.check(doc, settings)).toEqual([]);
  });

  it('flags a raw counter', () => {
    expect(promqlCounterRate.check(dashboardWith('sum(http_requests_total{code="500"})'), settings)).toEqual([
      {
        pointer: '/panels/0/targets/0/expr',
        message:
          'counter "http_requests_total" is used without rate(), irate() or increase(): "http_requests_total{code="500"}" only ever grows and resets on restart',
        fix: "wrap it: rate(http_requests_total[$__rate_interval]) (`queries.rate()` from 'panelcraft' writes it this way)",
      },
    ]);
  });
});
