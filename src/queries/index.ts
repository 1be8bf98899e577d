export { selector, escapeLabelValue, type Matcher, type Matchers } from './selector.ts';
export { scopeMatchers, DEFAULT_SCOPE, type ScopeLabel } from './scope.ts';
export type { QueryContext } from './query-context.ts';
export { instant, rangeVector, rate, sumBy, RATE_INTERVAL } from './vectors.ts';
export { requestRate, requestRateByStatus, routeQps } from './requests.ts';
export { errorRatio, routeErrorRatio, SERVER_ERROR_STATUS } from './errors.ts';
export {
  latencyMode,
  latencyQuantile,
  latencyMean,
  routeLatencyQuantile,
  hasRouteLatency,
  type LatencyMode,
} from './latency.ts';
export { upByInstance, availabilityRatio } from './availability.ts';
export {
  goroutines,
  goroutinesTotal,
  growth,
  openFds,
  fdUsageRatio,
  fdUsageRatioByInstance,
  residentMemory,
  heapInuse,
  residentMemoryProjection,
  gcRate,
  gcPauseQuantile,
  cpuUsage,
  uptime,
  inFlight,
} from './runtime.ts';
export { labelValues } from './variable-queries.ts';
export { compare, both, promqlNumber, type Comparison } from './compare.ts';
export { ruleScopeMatchers, serviceLabels, type RuleScope } from './rule-scope.ts';
export {
  leMatcher,
  sloRequests,
  sloRequestErrors,
  sloLatencyRequests,
  sloLatencyFast,
  sliErrorRatio,
  burnRateCondition,
  errorBudgetRemaining,
  type SliRecords,
} from './slo.ts';
export {
  targetDown,
  targetAbsent,
  inFlightSeries,
  goroutineGrowth,
  fdsExhaustedWithin,
  residentMemoryGrowthRatio,
  gcCyclesPerSecond,
} from './alert-signals.ts';
