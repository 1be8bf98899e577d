import { describe, expect, it } from 'vitest';
import { standInVariables, targetSelectors } from '../../src/validate/target-selectors.ts';

describe('standInVariables', () => {
  it('replaces variables in ranges, offsets and numbers, but not inside strings', () => {
    expect(standInVariables('rate(x{job=~"$job"}[$__rate_interval]) offset $offset > ${threshold}')).toBe('rate(x{job=~"$job"}[1m]) offset 1m > 1');
    expect(standInVariables('max_over_time(x[[[range]]:$__interval])')).toBe('max_over_time(x[1m:1m])');
    expect(standInVariables("a{b='$c\\'d'} * $k")).toBe("a{b='$c\\'d'} * 1");
  });
  it('feeds extractSelectors with the original matcher values', () => {
    const sel = targetSelectors({ panels: [{ type: 'timeseries', targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total{job=~"$job"}[$__rate_interval]))' }] }] });
    expect(sel).toEqual([
      expect.objectContaining({ pointer: '/panels/0/targets/0/expr', selectors: [expect.objectContaining({ metric: 'http_requests_total', matchers: [{ label: 'job', op: '=~', value: '$job' }] })] }),
    ]);
  });
  it('skips non-Prometheus targets', () => {
    expect(targetSelectors({ panels: [{ type: 'logs', datasource: { type: 'loki', uid: 'l' }, targets: [{ expr: '{app="x"}' }] }] })).toEqual([]);
  });
});
