import type { Convention, ConventionOverrides } from './convention.ts';
import { defineConvention } from './define-convention.ts';
import { GO_RUNTIME_METRICS } from './go-runtime.ts';

/**
 * OpenTelemetry HTTP semantic conventions as the OTel Prometheus exporter writes them. There is no separate
 * request counter: the count is the duration histogram's `_count`. No in-flight gauge by default; name one with
 * `otel({ metrics: { inFlight: 'http_server_active_requests' } })` if your instrumentation exports it.
 */
export function otel(overrides: ConventionOverrides = {}): Convention {
  return defineConvention(
    'otel',
    {
      ...GO_RUNTIME_METRICS,
      requests: 'http_server_request_duration_seconds_count',
      requestDuration: 'http_server_request_duration_seconds',
    },
    { route: 'http_route', status: 'http_response_status_code', method: 'http_request_method' },
    { latencyHistogram: true, perRouteLatency: true, summaryQuantiles: [] },
    overrides,
  );
}
