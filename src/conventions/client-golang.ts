import type { Convention, ConventionOverrides } from './convention.ts';
import { defineConvention } from './define-convention.ts';
import { GO_RUNTIME_METRICS } from './go-runtime.ts';

/**
 * client_golang's promhttp middleware (`InstrumentHandlerDuration`, `InstrumentHandlerCounter`,
 * `InstrumentHandlerInFlight`, curried with a `handler` label) plus the default Go and process collectors.
 */
export function clientGolang(overrides: ConventionOverrides = {}): Convention {
  return defineConvention(
    'clientGolang',
    {
      ...GO_RUNTIME_METRICS,
      requests: 'http_requests_total',
      requestDuration: 'http_request_duration_seconds',
      inFlight: 'http_requests_in_flight',
    },
    { route: 'handler', status: 'code', method: 'method' },
    { latencyHistogram: true, perRouteLatency: true, summaryQuantiles: [] },
    overrides,
  );
}
