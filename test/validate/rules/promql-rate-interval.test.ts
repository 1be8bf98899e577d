import { describe, expect, it } from 'vitest';
import { promqlRateInterval } from '../../../src/validate/rules/promql-rate-interval.ts';
import { dashboardWith } from './promql-fixture.ts';

const settings = { origin: 'lint' } as const;

describe('promql-rate-interval', () => {
  it('accepts [$__rate_interval] and ${__rate_interval}', () => {
    const doc = dashboardWith('rate(x_total[$__rate_interval])', 'increase(x_total[${__rate_interval}])');
    expect(promqlRateInterval.check(doc, settings)).toEqual([]);
  });

  it('flags a fixed range and quotes it', () => {
    expect(promqlRateInterval.check(dashboardWith('sum(irate(x_total{a="b"}[5m]))'), settings)).toEqual([
      {
        pointer: '/panels/0/targets/0/expr',
        message: 'irate() uses range [5m], not [$__rate_interval]: "irate(x_total{a="b"}[5m])"',
        fix: expect.stringContaining('irate(…[$__rate_interval])'),
      },
    ]);
  });

  it('leaves gauge trend functions with a fixed window alone', () => {
    expect(
      promqlRateInterval.check(
        dashboardWith('deriv(go_goroutines[10m])', 'predict_linear(process_resident_memory_bytes[1h], 3600)'),
        settings,
      ),
    ).toEqual([]);
  });
});
