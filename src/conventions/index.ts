export type {
  Convention,
  ConventionCapabilities,
  ConventionLabels,
  ConventionMetrics,
  ConventionOverrides,
} from './convention.ts';
export { clientGolang } from './client-golang.ts';
export { otel } from './otel.ts';
export { gin } from './gin.ts';
export { custom, type CustomConventionOptions } from './custom.ts';
export { GO_RUNTIME_METRICS } from './go-runtime.ts';
