import { describe, expect, it } from 'vitest';
import { targetSelectors } from '../../src/validate/target-selectors.ts';

describe('targetSelectors', () => {
  it('reads matcher values back from the original text, variables included', () => {
    const sel = targetSelectors({
      panels: [
        {
          type: 'timeseries',
          targets: [
            {
              refId: 'A',
              expr: 'sum(rate(http_requests_total{job=~"$job",code=~"5.."}[$__rate_interval])) / on() group_left {__name__="up"}',
            },
          ],
        },
      ],
    });
    expect(sel).toEqual([
      {
        pointer: '/panels/0/targets/0/expr',
        refId: 'A',
        expr: 'sum(rate(http_requests_total{job=~"$job",code=~"5.."}[$__rate_interval])) / on() group_left {__name__="up"}',
        selectors: [
          expect.objectContaining({
            metric: 'http_requests_total',
            matchers: [
              { label: 'job', op: '=~', value: '$job' },
              { label: 'code', op: '=~', value: '5..' },
            ],
          }),
          expect.objectContaining({ metric: 'up', matchers: [{ label: '__name__', op: '=', value: 'up' }] }),
        ],
      },
    ]);
  });
  it('gives no selectors for an expression that does not parse', () => {
    expect(
      targetSelectors({ panels: [{ type: 'timeseries', targets: [{ expr: 'sum(rate(x[5m]' }] }] })[0]!.selectors,
    ).toEqual([]);
  });
  it('skips non-Prometheus targets', () => {
    expect(
      targetSelectors({
        panels: [{ type: 'logs', datasource: { type: 'loki', uid: 'l' }, targets: [{ expr: '{app="x"}' }] }],
      }),
    ).toEqual([]);
  });
});
