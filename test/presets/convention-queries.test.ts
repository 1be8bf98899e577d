import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import { defenseKpis } from '../../src/presets/defense-kpis.ts';
import { goServiceOverview } from '../../src/presets/go-service-overview.ts';
import { routeMatrix } from '../../src/presets/route-matrix.ts';
import { teachingDemo } from '../../src/presets/teaching-demo.ts';

// The goldens in ./golden show each preset once, with client_golang names. What a convention changes is the PromQL:
// these lists are every query the four presets draw with each convention, exactly (sorted, without repeats).

interface PanelJson {
  targets?: { expr: string }[];
  panels?: PanelJson[];
}

function queries(convention: Convention): string[] {
  const out = new Set<string>();
  const walk = (panels: readonly PanelJson[]) => {
    for (const p of panels) {
      for (const t of p.targets ?? []) out.add(t.expr);
      walk(p.panels ?? []);
    }
  };
  for (const preset of [goServiceOverview, routeMatrix, teachingDemo, defenseKpis])
    walk((preset({ convention, job: 'go-service' }).build() as { panels: PanelJson[] }).panels);
  return [...out].sort();
}

describe('queries per convention', () => {
  it('client_golang', () => {
    expect(queries(clientGolang())).toEqual([
      '(sum by (handler) (rate(http_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum by (handler) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum by (handler) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      '(sum(rate(http_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) / sum(rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))) or (sum(rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) * 0)',
      '(sum(rate(http_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum(rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum(rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      'avg(avg_over_time(up{instance=~"$instance",job=~"$job"}[$__range]))',
      'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.95, sum by (le, handler) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.99, sum by (le, handler) (rate(http_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'max by (instance) (process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="0.75"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="1"})',
      'max(process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'min(time() - process_start_time_seconds{instance=~"$instance",job=~"$job"})',
      'sum by (code) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (code) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (handler) (rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m] offset $compare))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (deriv(process_open_fds{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"} offset $compare)',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (go_memstats_heap_inuse_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (http_requests_in_flight{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (predict_linear(process_resident_memory_bytes{instance=~"$instance",job=~"$job"}[1h], 14400))',
      'sum by (instance) (process_open_fds{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (process_resident_memory_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (rate(go_gc_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum(go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum(rate(http_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'up{instance=~"$instance",job=~"$job"}',
    ]);
  });

  it('OpenTelemetry', () => {
    expect(queries(otel())).toEqual([
      '(sum by (http_route) (rate(http_server_request_duration_seconds_count{http_response_status_code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum by (http_route) (rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum by (http_route) (rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      '(sum(rate(http_server_request_duration_seconds_count{http_response_status_code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) / sum(rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))) or (sum(rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) * 0)',
      '(sum(rate(http_server_request_duration_seconds_count{http_response_status_code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum(rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum(rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      'avg(avg_over_time(up{instance=~"$instance",job=~"$job"}[$__range]))',
      'histogram_quantile(0.5, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.5, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)))',
      'histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'histogram_quantile(0.99, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{instance=~"$instance",job=~"$job"}[$__rate_interval])))',
      'max by (instance) (process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="0.75"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="1"})',
      'max(process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'min(time() - process_start_time_seconds{instance=~"$instance",job=~"$job"})',
      'sum by (http_response_status_code) (rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (http_response_status_code) (rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (http_route) (rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m] offset $compare))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (deriv(process_open_fds{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"} offset $compare)',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (go_memstats_heap_inuse_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (predict_linear(process_resident_memory_bytes{instance=~"$instance",job=~"$job"}[1h], 14400))',
      'sum by (instance) (process_open_fds{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (process_resident_memory_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (rate(go_gc_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum(go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum(rate(http_server_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'up{instance=~"$instance",job=~"$job"}',
    ]);
  });

  it('gin', () => {
    expect(queries(gin())).toEqual([
      '(sum by (handler) (rate(gin_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum by (handler) (rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum by (handler) (rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      '(sum(rate(gin_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) / sum(rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))) or (sum(rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) * 0)',
      '(sum(rate(gin_requests_total{code=~"5..",instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum(rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))) or (sum(rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval])) * 0)',
      'avg(avg_over_time(up{instance=~"$instance",job=~"$job"}[$__range]))',
      'max by (instance) (process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="0.75"})',
      'max(go_gc_duration_seconds{instance=~"$instance",job=~"$job",quantile="1"})',
      'max(process_open_fds{instance=~"$instance",job=~"$job"} / process_max_fds{instance=~"$instance",job=~"$job"})',
      'min(time() - process_start_time_seconds{instance=~"$instance",job=~"$job"})',
      'sum by (code) (rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (code) (rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (handler) (rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m] offset $compare))',
      'sum by (instance) (deriv(go_goroutines{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (deriv(process_open_fds{instance=~"$instance",job=~"$job"}[10m]))',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"} offset $compare)',
      'sum by (instance) (go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (go_memstats_heap_inuse_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (predict_linear(process_resident_memory_bytes{instance=~"$instance",job=~"$job"}[1h], 14400))',
      'sum by (instance) (process_open_fds{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (process_resident_memory_bytes{instance=~"$instance",job=~"$job"})',
      'sum by (instance) (rate(go_gc_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum by (instance) (rate(process_cpu_seconds_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum(go_goroutines{instance=~"$instance",job=~"$job"})',
      'sum(rate(gin_request_duration_seconds_sum{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare)) / sum(rate(gin_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval] offset $compare))',
      'sum(rate(gin_request_duration_seconds_sum{instance=~"$instance",job=~"$job"}[$__rate_interval])) / sum(rate(gin_request_duration_seconds_count{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'sum(rate(gin_requests_total{instance=~"$instance",job=~"$job"}[$__rate_interval]))',
      'up{instance=~"$instance",job=~"$job"}',
    ]);
  });
});
