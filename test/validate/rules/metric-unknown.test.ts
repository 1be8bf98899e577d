import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExposition } from '../../../src/catalog/parse-exposition.ts';
import { metricUnknown } from '../../../src/validate/rules/metric-unknown.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

const { catalog } = parseExposition(
  readFileSync(new URL('../../fixtures/metrics/go-service.prom', import.meta.url), 'utf8'),
  'go-service.prom',
);

describe('metric-unknown', () => {
  it('does nothing without a catalog', () => {
    expect(
      check(metricUnknown, {
        ...goodDashboard(),
        panels: [goodPanel({ targets: [{ refId: 'A', expr: 'nope_total' }] })],
      }),
    ).toEqual([]);
  });
  it('accepts metrics the catalog has, templated names and recording rules', () => {
    const targets = [
      { refId: 'A', expr: 'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))' },
      { refId: 'B', expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))' },
      { refId: 'C', expr: 'job:http_requests:rate5m + up' },
    ];
    expect(check(metricUnknown, { ...goodDashboard(), panels: [goodPanel({ targets })] }, catalog)).toEqual([]);
  });
  it('reports a misspelled metric with suggestions', () => {
    const p = goodPanel({ targets: [{ refId: 'A', expr: 'rate(http_request_total{job=~"$job"}[5m])' }] });
    expect(check(metricUnknown, { ...goodDashboard(), panels: [p] }, catalog)).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/targets/0/expr',
        message:
          'metric "http_request_total" is not in the metric catalog (go-service.prom) (did you mean "http_requests_total"?); the panel stays empty',
      }),
    ]);
  });
});
