import type { Convention, ConventionCapabilities, ConventionLabels, ConventionMetrics } from './convention.ts';
import { defineConvention } from './define-convention.ts';
import { GO_RUNTIME_METRICS } from './go-runtime.ts';

type RuntimeKey = keyof typeof GO_RUNTIME_METRICS;

export interface CustomConventionOptions {
  /** Names the convention in errors and panel notes. @default "custom" */
  readonly name?: string;
  /** HTTP metric names are required; Go runtime and process names default to client_golang's collectors. */
  readonly metrics: Omit<ConventionMetrics, RuntimeKey> & Partial<Pick<ConventionMetrics, RuntimeKey>>;
  readonly labels: ConventionLabels;
  /** @default { latencyHistogram: true, perRouteLatency: true, summaryQuantiles: [] } */
  readonly capabilities?: Partial<Omit<ConventionCapabilities, 'inFlight'>>;
}

/** Any metric names and label keys, e.g. a service with its own middleware. */
export function custom(options: CustomConventionOptions): Convention {
  return defineConvention(options.name ?? 'custom', { ...GO_RUNTIME_METRICS, ...options.metrics }, options.labels, {
    latencyHistogram: true,
    perRouteLatency: true,
    summaryQuantiles: [],
    ...options.capabilities,
  });
}
