import type {
  Convention,
  ConventionCapabilities,
  ConventionLabels,
  ConventionMetrics,
  ConventionOverrides,
} from './convention.ts';

/** Base convention with overrides applied; `capabilities.inFlight` follows whether an in-flight gauge is named. */
export function defineConvention(
  name: string,
  metrics: ConventionMetrics,
  labels: ConventionLabels,
  capabilities: Omit<ConventionCapabilities, 'inFlight'>,
  overrides: ConventionOverrides = {},
): Convention {
  const mergedMetrics: ConventionMetrics = { ...metrics, ...withoutUndefined(overrides.metrics ?? {}) };
  return {
    name,
    metrics: mergedMetrics,
    labels: { ...labels, ...withoutUndefined(overrides.labels ?? {}) },
    capabilities: {
      ...capabilities,
      ...withoutUndefined(overrides.capabilities ?? {}),
      inFlight: mergedMetrics.inFlight !== undefined && mergedMetrics.inFlight !== '',
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
