/** Name suffixes of counter series (histogram and summary parts included). */
const COUNTER_SUFFIXES = ['_total', '_count', '_sum', '_bucket'];

/** Well-known gauges of client_golang, process and node exporters. */
const KNOWN_GAUGES = new Set([
  'up',
  'go_goroutines',
  'go_threads',
  'process_open_fds',
  'process_max_fds',
  'process_start_time_seconds',
  'process_resident_memory_bytes',
  'process_virtual_memory_bytes',
  'process_virtual_memory_max_bytes',
  'go_memstats_heap_inuse_bytes',
  'go_memstats_heap_alloc_bytes',
  'go_memstats_alloc_bytes',
  'go_memstats_sys_bytes',
  'go_memstats_heap_objects',
  'go_memstats_next_gc_bytes',
  'go_memstats_last_gc_time_seconds',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'node_load1',
  'node_load5',
  'node_load15',
  'promhttp_metric_handler_requests_in_flight',
  'http_requests_in_flight',
]);
const GAUGE_SUFFIXES = ['_bytes', '_in_flight', '_inflight', '_ratio', '_celsius', '_percent', '_info', '_gauge'];

export function isCounterName(metric: string): boolean {
  return COUNTER_SUFFIXES.some((s) => metric.endsWith(s));
}

/** A gauge by the built-in catalog or by its name suffix (`_bytes` but not `_bytes_total`, `_in_flight`, …). */
export function isGaugeName(metric: string): boolean {
  return KNOWN_GAUGES.has(metric) || (!isCounterName(metric) && GAUGE_SUFFIXES.some((s) => metric.endsWith(s)));
}

/** Functions that assume their argument is a counter (they treat every drop as a reset). */
export const COUNTER_FUNCTIONS: ReadonlySet<string> = new Set(['rate', 'irate', 'increase']);
