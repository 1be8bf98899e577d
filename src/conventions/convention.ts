/** Metric names a service exposes, one per meaning. */
export interface ConventionMetrics {
  /** Scrape health, 1 when the target answered. @default "up" */
  readonly up: string;
  /** Counter of handled requests (for OpenTelemetry: the duration histogram's `_count`). */
  readonly requests: string;
  /** Base name of the request duration histogram or summary (without `_bucket`, `_sum`, `_count`). */
  readonly requestDuration: string;
  /** Gauge of requests being served right now. Absent when the middleware has none. */
  readonly inFlight?: string;
  /** @default "go_goroutines" */
  readonly goroutines: string;
  /** @default "go_memstats_heap_inuse_bytes" */
  readonly heapInuse: string;
  /** @default "go_memstats_heap_alloc_bytes" */
  readonly heapAlloc: string;
  /** Summary of GC pause durations. @default "go_gc_duration_seconds" */
  readonly gcDuration: string;
  /** @default "process_resident_memory_bytes" */
  readonly residentMemory: string;
  /** @default "process_open_fds" */
  readonly openFds: string;
  /** @default "process_max_fds" */
  readonly maxFds: string;
  /** @default "process_cpu_seconds_total" */
  readonly cpuSeconds: string;
  /** @default "process_start_time_seconds" */
  readonly startTime: string;
}

/** Label keys on the request metrics, one per meaning. */
export interface ConventionLabels {
  /** Route or handler (bounded cardinality). */
  readonly route: string;
  /** HTTP status code as a number string ("200", "503"). */
  readonly status: string;
  readonly method: string;
}

/** What the convention's metrics can answer. Panels degrade or refuse when a capability is missing. */
export interface ConventionCapabilities {
  /** `requestDuration` is a histogram with `_bucket{le}` series: percentiles by `histogram_quantile`. */
  readonly latencyHistogram: boolean;
  /** The duration metric carries the route label, so percentiles per route exist. */
  readonly perRouteLatency: boolean;
  /** Quantiles a summary `requestDuration` exports itself (`{quantile="0.95"}`); empty: only `_sum`/`_count`. */
  readonly summaryQuantiles: readonly number[];
  /** An in-flight gauge exists (`metrics.inFlight` is set). Derived, never set by hand. */
  readonly inFlight: boolean;
}

/** Which metric and label names a Go service exposes, and what they can answer. */
export interface Convention {
  /** Names the convention in errors and notes, e.g. "clientGolang". */
  readonly name: string;
  readonly metrics: ConventionMetrics;
  readonly labels: ConventionLabels;
  readonly capabilities: ConventionCapabilities;
}

/** Name-by-name and label-by-label overrides for a built-in convention. */
export interface ConventionOverrides {
  readonly metrics?: Partial<ConventionMetrics>;
  readonly labels?: Partial<ConventionLabels>;
  readonly capabilities?: Partial<Omit<ConventionCapabilities, 'inFlight'>>;
}
