import { describe, expect, it } from 'vitest';
import { errorRate } from '../../src/panels/error-rate.ts';
import { ERROR_RATIO_THRESHOLDS } from '../../src/panels/house-thresholds.ts';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { kpiStatus, relativeChange, worstStatus } from '../../src/report/kpis.ts';

describe('KPI status by the house thresholds (the ones the panels use)', () => {
  it.each([
    ['availability', 0.999, 'ok'],
    ['availability', 0.9989, 'warn'],
    ['availability', 0.9899, 'bad'],
    ['error_ratio', 0.0049, 'ok'],
    ['error_ratio', 0.005, 'warn'],
    ['error_ratio', 0.01, 'bad'],
    ['latency_p95_seconds', 0.79, 'ok'],
    ['latency_p95_seconds', 0.8, 'bad'],
    ['goroutines_max', 1000, 'warn'],
    ['open_fds_max', 50_000, 'bad'],
    ['memory_max_bytes', 1024 ** 3, 'warn'],
    ['error_budget_left', 0.2, 'warn'],
    ['error_budget_left', 0, 'bad'],
    ['requests_total', 1e9, 'none'],
    ['availability', null, 'no-data'],
  ] as const)('%s = %s is %s', (id, value, status) => expect(kpiStatus(id, value)).toBe(status));

  it('the error-rate panel draws the same steps the report colours by', () => {
    const panel = errorRate({ convention: clientGolang() }).build();
    const steps = panel.fieldConfig?.defaults?.thresholds?.steps?.map((s) => s.value);
    expect(steps).toEqual([null, ERROR_RATIO_THRESHOLDS.warn, ERROR_RATIO_THRESHOLDS.bad]);
  });

  it('worst status and relative change', () => {
    expect(worstStatus(['ok', 'none', 'no-data', 'warn'])).toBe('warn');
    expect(worstStatus(['none'])).toBe('ok');
    expect(relativeChange(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(null, 1)).toBeNull();
  });
});
