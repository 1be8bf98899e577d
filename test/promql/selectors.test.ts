import { describe, expect, it } from 'vitest';
import { extractSelectors } from '../../src/promql/selectors.ts';

describe('extractSelectors', () => {
  it('finds every selector with its matchers and offsets', () => {
    const expr = 'sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m])) / on() up';
    expect(extractSelectors(expr)).toEqual([
      {
        metric: 'http_requests_total',
        matchers: [
          { label: 'job', op: '=', value: 'api' },
          { label: 'code', op: '=~', value: '5..' },
        ],
        from: 19,
        to: 61,
      },
      { metric: 'up', matchers: [], from: 75, to: 77 },
    ]);
  });

  it('takes the metric name from a __name__ matcher and unquotes escapes', () => {
    expect(extractSelectors('{__name__="go_goroutines", path!~"a\\\\.b"}')).toEqual([
      {
        metric: 'go_goroutines',
        matchers: [
          { label: '__name__', op: '=', value: 'go_goroutines' },
          { label: 'path', op: '!~', value: 'a\\.b' },
        ],
        from: 0,
        to: 41,
      },
    ]);
  });

  it('returns [] for text it cannot parse', () => {
    expect(extractSelectors('rate(foo{job="a"[5m])')).toEqual([]);
    expect(extractSelectors('foo{')).toEqual([]);
  });
});
