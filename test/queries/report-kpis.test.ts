import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { gin } from '../../src/conventions/gin.ts';
import { checkPromql } from '../../src/promql/check.ts';
import {
  availabilityOverWindow,
  errorRatioOverWindow,
  escapeRegex,
  gaugeGrowthOverWindow,
  gaugeMaxOverWindow,
  latencyMeanOverWindow,
  latencyQuantileOverWindow,
  peakRequestRateOverWindow,
  requestRateSeries,
  requestMetricProbe,
  requestsOverWindow,
} from '../../src/queries/report-kpis.ts';

const day = { convention: clientGolang(), jobs: ['checkout', 'api'], windowSeconds: 86_400 };
const J = '{job=~"api|checkout"}';

describe('report KPI queries', () => {
  it('are exact ratios of sums over the whole window, grouped by job', () => {
    expect(availabilityOverWindow(day)).toBe(
      `sum by (job) (sum_over_time(up${J}[86400s])) / sum by (job) (count_over_time(up${J}[86400s]))`,
    );
    expect(requestsOverWindow(day)).toBe(`sum by (job) (increase(http_requests_total${J}[86400s]))`);
    const total = `sum by (job) (increase(http_requests_total${J}[86400s]))`;
    expect(errorRatioOverWindow(day)).toBe(
      `(sum by (job) (increase(http_requests_total{code=~"5..",job=~"api|checkout"}[86400s])) / ${total}) or ((${total} > 0) * 0)`,
    );
    expect(latencyQuantileOverWindow(day, 0.95)).toBe(
      `histogram_quantile(0.95, sum by (job, le) (increase(http_request_duration_seconds_bucket${J}[86400s])))`,
    );
  });

  it('a 25-hour DST day gets a 90000 s window', () => {
    expect(requestsOverWindow({ ...day, windowSeconds: 90_000 })).toContain('[90000s]');
  });

  it('peak rate: subquery starts one rate window into the day so no rate looks at the day before', () => {
    expect(peakRequestRateOverWindow(day, 60, 15)).toBe(
      `max_over_time(sum by (job) (rate(http_requests_total${J}[60s]))[86340s:15s])`,
    );
  });

  it('gauges: max and regression growth over the window on the worst instance', () => {
    expect(gaugeMaxOverWindow(day, 'go_goroutines')).toBe(`max by (job) (max_over_time(go_goroutines${J}[86400s]))`);
    expect(gaugeGrowthOverWindow(day, 'go_goroutines')).toBe(`max by (job) (deriv(go_goroutines${J}[86400s])) * 86400`);
  });

  it('gin has no histogram: the mean, and the quantile refuses with what to use instead', () => {
    const g = { ...day, convention: gin() };
    expect(latencyMeanOverWindow(g)).toBe(
      `sum by (job) (increase(gin_request_duration_seconds_sum${J}[86400s])) / sum by (job) (increase(gin_request_duration_seconds_count${J}[86400s]))`,
    );
    expect(() => latencyQuantileOverWindow(g, 0.95)).toThrow(/no latency histogram; use latencyMeanOverWindow/);
  });

  it('job names are matched literally, whatever they contain', () => {
    expect(escapeRegex('a.b|c(d)')).toBe('a\\.b\\|c\\(d\\)');
    const q = requestsOverWindow({ ...day, jobs: ['pay.v2', 'x"y\\z'] });
    expect(q).toContain('job=~"pay\\\\.v2|x\\"y\\\\\\\\z"');
    expect(checkPromql(q)).toEqual([]);
  });

  it('probes which request metric each job exposed', () => {
    const q = requestMetricProbe(['b.x', 'a'], ['http_requests_total', 'gin_requests_total'], 604_800);
    expect(q).toBe(
      'group by (job, __name__) (last_over_time({__name__=~"gin_requests_total|http_requests_total",job=~"a|b\\\\.x"}[604800s]))',
    );
    expect(checkPromql(q)).toEqual([]);
  });

  it('every query parses and type-checks', () => {
    const all = [
      availabilityOverWindow(day),
      requestsOverWindow(day),
      errorRatioOverWindow(day),
      latencyQuantileOverWindow(day, 0.95),
      latencyMeanOverWindow({ ...day, convention: gin() }),
      peakRequestRateOverWindow(day, 60, 15),
      gaugeMaxOverWindow(day, 'process_open_fds'),
      gaugeGrowthOverWindow(day, 'go_goroutines'),
      requestRateSeries(day, 60),
    ];
    for (const q of all) expect(checkPromql(q), q).toEqual([]);
  });
});
