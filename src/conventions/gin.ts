import type { Convention, ConventionOverrides } from './convention.ts';
import { defineConvention } from './define-convention.ts';
import { GO_RUNTIME_METRICS } from './go-runtime.ts';

/**
 * gin's common middleware, github.com/mcuadros/go-gin-prometheus with subsystem "gin":
 * `gin_requests_total{code,method,handler,host,url}` and `gin_request_duration_seconds`, a summary without labels
 * and without objectives (only `_sum` and `_count`), so no percentiles at all, per route or overall: latency panels
 * fall back to the mean from `_sum / _count` and say so. The route label defaults to `handler` (the Go handler
 * name, bounded); `url` is the raw path unless the middleware's URL mapping function is set. No in-flight gauge.
 */
export function gin(overrides: ConventionOverrides = {}): Convention {
  return defineConvention(
    'gin',
    {
      ...GO_RUNTIME_METRICS,
      requests: 'gin_requests_total',
      requestDuration: 'gin_request_duration_seconds',
    },
    { route: 'handler', status: 'code', method: 'method' },
    { latencyHistogram: false, perRouteLatency: false, summaryQuantiles: [] },
    overrides,
  );
}
