import { describe, expect, it } from 'vitest';
import { promqlRateOnGauge } from '../../../src/validate/rules/promql-rate-on-gauge.ts';
import { dashboardWith } from './promql-fixture.ts';

const settings = { origin: 'lint' } as const;

describe('promql-rate-on-gauge', () => {
  it('accepts rate on counters, including _bytes_total', () => {
    const doc = dashboardWith('rate(go_memstats_alloc_bytes_total[5m])', 'deriv(go_goroutines[5m])');
    expect(promqlRateOnGauge.check(doc, settings)).toEqual([]);
  });

  it('flags rate on a catalogued gauge and on a _bytes gauge', () => {
    const doc = dashboardWith('rate(go_goroutines[5m])', 'increase(node_memory_Active_bytes[1h])');
    expect(promqlRateOnGauge.check(doc, settings).map((f) => f.message)).toEqual([
      'rate() is applied to gauge "go_goroutines": "rate(go_goroutines[5m])"',
      'increase() is applied to gauge "node_memory_Active_bytes": "increase(node_memory_Active_bytes[1h])"',
    ]);
  });
});
