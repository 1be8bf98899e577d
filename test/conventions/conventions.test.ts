import { describe, expect, it } from 'vitest';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import { custom } from '../../src/conventions/custom.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';

const runtime = {
  up: 'up',
  goroutines: 'go_goroutines',
  heapInuse: 'go_memstats_heap_inuse_bytes',
  heapAlloc: 'go_memstats_heap_alloc_bytes',
  gcDuration: 'go_gc_duration_seconds',
  residentMemory: 'process_resident_memory_bytes',
  openFds: 'process_open_fds',
  maxFds: 'process_max_fds',
  cpuSeconds: 'process_cpu_seconds_total',
  startTime: 'process_start_time_seconds',
};

describe('built-in conventions', () => {
  it('clientGolang() names promhttp and the default collectors', () => {
    expect(clientGolang()).toEqual({
      name: 'clientGolang',
      metrics: {
        ...runtime,
        requests: 'http_requests_total',
        requestDuration: 'http_request_duration_seconds',
        inFlight: 'http_requests_in_flight',
      },
      labels: { route: 'handler', status: 'code', method: 'method' },
      capabilities: { latencyHistogram: true, perRouteLatency: true, summaryQuantiles: [], inFlight: true },
    });
  });

  it('otel() counts requests from the histogram _count and has no in-flight gauge', () => {
    expect(otel()).toEqual({
      name: 'otel',
      metrics: {
        ...runtime,
        requests: 'http_server_request_duration_seconds_count',
        requestDuration: 'http_server_request_duration_seconds',
      },
      labels: { route: 'http_route', status: 'http_response_status_code', method: 'http_request_method' },
      capabilities: { latencyHistogram: true, perRouteLatency: true, summaryQuantiles: [], inFlight: false },
    });
  });

  it('gin() has a label-less summary without quantiles: no histogram, no per-route latency', () => {
    expect(gin()).toEqual({
      name: 'gin',
      metrics: { ...runtime, requests: 'gin_requests_total', requestDuration: 'gin_request_duration_seconds' },
      labels: { route: 'handler', status: 'code', method: 'method' },
      capabilities: { latencyHistogram: false, perRouteLatency: false, summaryQuantiles: [], inFlight: false },
    });
  });
});

describe('overrides', () => {
  it('replace names and labels one by one and keep the rest', () => {
    const c = clientGolang({ metrics: { requestDuration: 'myapp_http_duration_seconds' }, labels: { route: 'path' } });
    expect(c.metrics.requestDuration).toBe('myapp_http_duration_seconds');
    expect(c.metrics.requests).toBe('http_requests_total');
    expect(c.labels).toEqual({ route: 'path', status: 'code', method: 'method' });
  });

  it('derive the in-flight capability from the gauge name', () => {
    expect(otel({ metrics: { inFlight: 'http_server_active_requests' } }).capabilities.inFlight).toBe(true);
    expect(gin({ metrics: { inFlight: '' } }).capabilities.inFlight).toBe(false);
  });

  it('can declare summary quantiles a gin fork exports', () => {
    expect(gin({ capabilities: { summaryQuantiles: [0.5, 0.95, 0.99] } }).capabilities).toEqual({
      latencyHistogram: false,
      perRouteLatency: false,
      summaryQuantiles: [0.5, 0.95, 0.99],
      inFlight: false,
    });
  });

  it('ignore overrides given as undefined', () => {
    expect(clientGolang({ metrics: { requests: undefined } }).metrics.requests).toBe('http_requests_total');
  });
});

describe('custom()', () => {
  it('takes any names and defaults the Go runtime ones', () => {
    const c = custom({
      name: 'payments',
      metrics: { requests: 'pay_requests_total', requestDuration: 'pay_latency_seconds' },
      labels: { route: 'endpoint', status: 'status', method: 'verb' },
      capabilities: { perRouteLatency: false },
    });
    expect(c).toEqual({
      name: 'payments',
      metrics: { ...runtime, requests: 'pay_requests_total', requestDuration: 'pay_latency_seconds' },
      labels: { route: 'endpoint', status: 'status', method: 'verb' },
      capabilities: { latencyHistogram: true, perRouteLatency: false, summaryQuantiles: [], inFlight: false },
    });
  });
});
