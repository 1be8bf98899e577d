import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExposition } from '../../../src/catalog/parse-exposition.ts';
import { labelUnknown } from '../../../src/validate/rules/label-unknown.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

const { catalog } = parseExposition(
  readFileSync(new URL('../../fixtures/metrics/go-service.prom', import.meta.url), 'utf8'),
  'go-service.prom',
);
const withExpr = (expr: string) => ({ ...goodDashboard(), panels: [goodPanel({ targets: [{ refId: 'A', expr }] })] });

describe('label-unknown', () => {
  it('does nothing without a catalog', () =>
    expect(check(labelUnknown, withExpr('http_requests_total{hndler="/"}'))).toEqual([]));
  it('accepts labels the metric has, job/instance, and matchers that match the empty string', () => {
    expect(
      check(
        labelUnknown,
        withExpr('http_requests_total{code=~"5..", job=~"$job", instance=~"$instance", route=""}'),
        catalog,
      ),
    ).toEqual([]);
  });
  it('reports a matcher on a label the metric never has, with suggestions and the labels it has', () => {
    expect(
      check(labelUnknown, withExpr('sum(rate(http_requests_total{hndler="/api/orders", job=~"$job"}[5m]))'), catalog),
    ).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/targets/0/expr',
        message:
          'metric "http_requests_total" has no label "hndler" (did you mean "handler"?); hndler="/api/orders" matches nothing (its labels: code, handler, method, plus job and instance)',
      }),
    ]);
  });
  it('knows le only on histogram buckets', () => {
    expect(check(labelUnknown, withExpr('http_request_duration_seconds_count{le="0.1"}'), catalog)[0]!.message).toMatch(
      /^metric "http_request_duration_seconds_count" has no label "le";/,
    );
  });
});
