export type { PanelOptions } from './panel-options.ts';
export type { CompareOptions, SeriesSpec } from './targets.ts';
export {
  availability,
  availabilityRatio,
  type AvailabilityOptions,
  type AvailabilityRatioOptions,
} from './availability.ts';
export { requestRate, type RequestRateOptions } from './request-rate.ts';
export { errorRate, type ErrorRateOptions } from './error-rate.ts';
export { latency, percentileLabel, type LatencyOptions } from './latency.ts';
export { routeMatrixTable, type RouteMatrixOptions } from './route-matrix.ts';
export { goroutines, type GoroutinesOptions } from './goroutines.ts';
export { handleLeak, fdUsage, type HandleLeakOptions, type FdUsageOptions } from './handles.ts';
export { goroutineHeatmap, type GoroutineHeatmapOptions } from './goroutine-heatmap.ts';
export { fdHeatmap, type FdHeatmapOptions } from './fd-heatmap.ts';
export { memory, type MemoryOptions } from './memory.ts';
export { gcFrequency, gcPause, type GcFrequencyOptions, type GcPauseOptions } from './gc.ts';
export { inFlightRequests, type InFlightOptions } from './in-flight.ts';
export { cpu, type CpuOptions } from './cpu.ts';
export { moduleErrors, type ModuleErrorsOptions } from './module-errors.ts';
export { kpiStat, KPI_KINDS, type KpiKind, type KpiStatOptions } from './kpi-stat.ts';
export { withFields, fromJson } from './with-fields.ts';
