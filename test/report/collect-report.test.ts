import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { gin } from '../../src/conventions/gin.ts';
import { parseDate } from '../../src/report/calendar.ts';
import { chartStepSeconds, collectReport, ReportQueryError } from '../../src/report/collect-report.ts';
import { rangeOfDates } from '../../src/report/report-range.ts';
import type { PrometheusApi, QueryResult } from '../../src/verify/prometheus-api.ts';

const range = rangeOfDates('UTC', parseDate('2026-11-23')!, parseDate('2026-11-24')!);

/** Answers every instant query by a function of (query, time); records what was asked. */
function fakeApi(
  answer: (expr: string, time: number) => QueryResult,
): PrometheusApi & { asked: Array<[string, number]> } {
  const asked: Array<[string, number]> = [];
  const unused = async () => ({ ok: false as const, error: 'unused' });
  return {
    asked,
    async query(expr, time) {
      asked.push([expr, time]);
      return answer(expr, time);
    },
    async queryRange() {
      return { ok: true, resultType: 'matrix', result: [] };
    },
    labelValues: unused,
    labelNames: unused,
    series: unused,
  };
}

const vector = (values: Record<string, string>): QueryResult => ({
  ok: true,
  resultType: 'vector',
  result: Object.entries(values).map(([job, v]) => ({ metric: { job }, value: [0, v] as const })),
});

describe('collectReport', () => {
  it('one query per KPI, window and convention; values by job; NaN and missing jobs are no data; budget from the SLO', async () => {
    const api = fakeApi((expr) => {
      if (expr.startsWith('(sum by (job) (increase(http_requests_total{code=~"5.."'))
        return vector({ api: '0.002', web: 'NaN' });
      if (expr.includes('gin_requests_total') && expr.startsWith('(')) return vector({ shop: '0.01' });
      return vector({});
    });
    let progress = 0;
    const report = await collectReport(api, {
      range,
      services: [
        { job: 'api', convention: clientGolang() },
        { job: 'web', convention: clientGolang() },
        { job: 'shop', convention: gin() },
      ],
      scrapeIntervalSeconds: 15,
      sloObjective: 0.999,
      onProgress: (done, total) => {
        progress = done;
        expect(done).toBeLessThanOrEqual(total);
      },
    });
    // 2 conventions × 9 KPIs × (2 days + total) × 2 ranges, plus one chart query per convention.
    expect(api.asked.length).toBe(2 * 9 * 3 * 2);
    expect(progress).toBe(api.asked.length + 2);
    const api_ = report.services.find((s) => s.job === 'api')!;
    const errorRatio = api_.kpis.find((k) => k.id === 'error_ratio')!;
    expect(errorRatio.days).toEqual([0.002, 0.002]);
    expect(errorRatio.previousTotal).toBe(0.002);
    expect(errorRatio.change).toBe(0);
    expect(api_.kpis.find((k) => k.id === 'error_budget_left')!.total).toBeCloseTo(-1, 12);
    expect(api_.kpis.find((k) => k.id === 'error_budget_left')!.status).toBe('bad');
    const web = report.services.find((s) => s.job === 'web')!;
    expect(web.kpis.find((k) => k.id === 'error_ratio')!.total).toBeNull();
    expect(web.kpis.find((k) => k.id === 'error_ratio')!.status).toBe('no-data');
    // No availability data at all: the service fails the review.
    expect(web.verdict).toBe('bad');
    const shop = report.services.find((s) => s.job === 'shop')!;
    expect(shop.latencyIsMean).toBe(true);
    expect(shop.kpis.map((k) => k.id)).toContain('latency_mean_seconds');
    expect(shop.kpis.map((k) => k.id)).not.toContain('latency_p95_seconds');
    // Every window is asked at its end.
    expect(new Set(api.asked.map(([, t]) => t))).toEqual(
      new Set([...range.days.map((d) => d.end), range.days[0]!.start, range.days[0]!.start - 86_400_000]),
    );
  });

  it('a failing query stops the report with the query and the error, not partial numbers', async () => {
    const api = fakeApi((expr) =>
      expr.startsWith('max_over_time')
        ? { ok: false, error: 'query processing would load too many samples' }
        : vector({}),
    );
    await expect(
      collectReport(api, { range, services: [{ job: 'api', convention: clientGolang() }], scrapeIntervalSeconds: 15 }),
    ).rejects.toThrow(ReportQueryError);
    await expect(
      collectReport(api, { range, services: [{ job: 'api', convention: clientGolang() }], scrapeIntervalSeconds: 15 }),
    ).rejects.toThrow(/peak_rps: query processing would load too many samples\n {2}query: max_over_time/);
  });
});

describe('chartStepSeconds', () => {
  it('keeps a week under 11 000 points and on whole scrape intervals', () => {
    expect(chartStepSeconds(604_800, 15)).toBe(615);
    expect(chartStepSeconds(604_800, 15, 20_000)).toBe(60); // ≥ 55 s: never past the 11 000-point limit
    expect(Math.ceil(604_800 / chartStepSeconds(604_800, 1, 1e9))).toBeLessThanOrEqual(11_000);
    expect(chartStepSeconds(366 * 86_400, 60) % 60).toBe(0);
  });
});
