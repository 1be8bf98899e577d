import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import { availabilityRatio, upByInstance } from '../../src/queries/availability.ts';
import { errorRatio, routeErrorRatio } from '../../src/queries/errors.ts';
import { latencyMean, latencyMode, latencyQuantile, routeLatencyQuantile } from '../../src/queries/latency.ts';
import type { QueryContext } from '../../src/queries/query-context.ts';
import { requestRate, requestRateByStatus, routeQps } from '../../src/queries/requests.ts';
import {
  cpuUsage,
  fdUsageRatio,
  fdUsageRatioByInstance,
  gcPauseQuantile,
  gcRate,
  goroutines,
  growth,
  inFlight,
  residentMemoryProjection,
  uptime,
} from '../../src/queries/runtime.ts';
import { scopeMatchers } from '../../src/queries/scope.ts';
import { labelValues } from '../../src/queries/variable-queries.ts';

const S = '{instance=~"$instance",job=~"$job"}';
const ctx = (convention: Convention, offset?: string): QueryContext => ({
  convention,
  scope: scopeMatchers(),
  ...(offset ? { offset } : {}),
});

describe('clientGolang() queries', () => {
  const c = ctx(clientGolang());
  it('request rate, by status and per route', () => {
    expect(requestRate(c)).toBe(`sum(rate(http_requests_total${S}[$__rate_interval]))`);
    expect(requestRateByStatus(c)).toBe(`sum by (code) (rate(http_requests_total${S}[$__rate_interval]))`);
    expect(routeQps(c)).toBe(`sum by (handler) (rate(http_requests_total${S}[$__rate_interval]))`);
  });
  it('error ratio falls back to 0 when no 5xx series exists yet', () => {
    const total = `sum(rate(http_requests_total${S}[$__rate_interval]))`;
    expect(errorRatio(c)).toBe(
      `(sum(rate(http_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / ${total}) or (${total} * 0)`,
    );
    expect(routeErrorRatio(c)).toContain('sum by (handler) (rate(http_requests_total{code=~"5.."');
  });
  it('histogram quantiles keep le', () => {
    expect(latencyQuantile(c, 0.95)).toBe(
      `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket${S}[$__rate_interval])))`,
    );
    expect(routeLatencyQuantile(c, 0.99)).toBe(
      `histogram_quantile(0.99, sum by (le, handler) (rate(http_request_duration_seconds_bucket${S}[$__rate_interval])))`,
    );
  });
  it('runtime queries', () => {
    expect(upByInstance(c)).toBe(`up${S}`);
    expect(availabilityRatio(c)).toBe(`avg(avg_over_time(up${S}[$__range]))`);
    expect(goroutines(c)).toBe(`sum by (instance) (go_goroutines${S})`);
    expect(growth(c, 'go_goroutines', '10m')).toBe(`sum by (instance) (deriv(go_goroutines${S}[10m]))`);
    expect(fdUsageRatio(c)).toBe(`max(process_open_fds${S} / process_max_fds${S})`);
    expect(fdUsageRatioByInstance(c)).toBe(`max by (instance) (process_open_fds${S} / process_max_fds${S})`);
    expect(fdUsageRatioByInstance(ctx(clientGolang(), '1d'))).toBe(
      `max by (instance) (process_open_fds${S} offset 1d / process_max_fds${S} offset 1d)`,
    );
    expect(residentMemoryProjection(c, '1h', 14400)).toBe(
      `sum by (instance) (predict_linear(process_resident_memory_bytes${S}[1h], 14400))`,
    );
    expect(gcRate(c)).toBe(`sum by (instance) (rate(go_gc_duration_seconds_count${S}[$__rate_interval]))`);
    expect(gcPauseQuantile(c, 1)).toBe('max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="1"})');
    expect(cpuUsage(c)).toBe(`sum by (instance) (rate(process_cpu_seconds_total${S}[$__rate_interval]))`);
    expect(uptime(c)).toBe(`min(time() - process_start_time_seconds${S})`);
    expect(inFlight(c)).toBe(`sum by (instance) (http_requests_in_flight${S})`);
  });
  it('applies an offset after every selector', () => {
    expect(requestRate(ctx(clientGolang(), '$compare'))).toBe(
      `sum(rate(http_requests_total${S}[$__rate_interval] offset $compare))`,
    );
    expect(goroutines(ctx(clientGolang(), '1d'))).toBe(`sum by (instance) (go_goroutines${S} offset 1d)`);
  });
  it('variable queries list values from up', () => {
    expect(labelValues(clientGolang(), 'job')).toBe('label_values(up, job)');
    expect(labelValues(clientGolang(), 'instance', scopeMatchers(['job']))).toBe(
      'label_values(up{job=~"$job"}, instance)',
    );
  });
});

describe('otel() queries', () => {
  const c = ctx(otel());
  it('count requests from the histogram _count and use OTel label names', () => {
    expect(requestRateByStatus(c)).toBe(
      `sum by (http_response_status_code) (rate(http_server_request_duration_seconds_count${S}[$__rate_interval]))`,
    );
    expect(routeLatencyQuantile(c, 0.95)).toBe(
      `histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket${S}[$__rate_interval])))`,
    );
    expect(errorRatio(c)).toContain('http_server_request_duration_seconds_count{http_response_status_code=~"5..",');
  });
  it('has no in-flight gauge', () => {
    expect(() => inFlight(c)).toThrow('inFlight(): convention "otel" has no in-flight gauge; set metrics.inFlight');
  });
});

describe('gin() queries', () => {
  const c = ctx(gin());
  it('latency degrades to the mean from _sum/_count', () => {
    expect(latencyMode(gin(), [0.5, 0.95, 0.99])).toBe('mean');
    expect(latencyMean(c)).toBe(
      `sum(rate(gin_request_duration_seconds_sum${S}[$__rate_interval])) / sum(rate(gin_request_duration_seconds_count${S}[$__rate_interval]))`,
    );
  });
  it('refuses percentiles it cannot compute, naming the convention', () => {
    expect(() => latencyQuantile(c, 0.95)).toThrow(
      'latencyQuantile(0.95): convention "gin" has no latency histogram and its summary "gin_request_duration_seconds" exports no 0.95 quantile',
    );
    expect(() => routeLatencyQuantile(c, 0.95)).toThrow('convention "gin" has no per-route latency histogram');
  });
  it('reads summary quantiles when the middleware exports them', () => {
    const withObjectives = ctx(gin({ capabilities: { summaryQuantiles: [0.5, 0.95, 0.99] } }));
    expect(latencyMode(withObjectives.convention, [0.95])).toBe('summary');
    expect(latencyQuantile(withObjectives, 0.95)).toBe(
      'max(gin_request_duration_seconds{instance=~"$instance",job=~"$job",quantile="0.95"})',
    );
  });
  it('counts requests from gin_requests_total', () => {
    expect(routeQps(c)).toBe(`sum by (handler) (rate(gin_requests_total${S}[$__rate_interval]))`);
  });
});
