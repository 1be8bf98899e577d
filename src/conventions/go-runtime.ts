import type { ConventionMetrics } from './convention.ts';

/** Names written by client_golang's default Go and process collectors, shared by every convention. */
export const GO_RUNTIME_METRICS = {
  up: 'up',
  goroutines: 'go_goroutines',
  heapInuse: 'go_memstats_heap_inuse_bytes',
  heapAlloc: 'go_memstats_heap_alloc_bytes',
  gcDuration: 'go_gc_duration_seconds',
  residentMemory: 'process_resident_memory_bytes',
  openFds: 'process_open_fds',
  maxFds: 'process_max_fds',
  cpuSeconds: 'process_cpu_seconds_total',
  startTime: 'process_start_time_seconds',
} as const satisfies Partial<ConventionMetrics>;
