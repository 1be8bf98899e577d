/** English texts. Every key here must exist in every other locale (the type of `zhCN` enforces it). */
export const en = {
  'availability.title': 'Targets up',
  'availability.description':
    'Whether Prometheus could scrape each instance (up = 1). A red band means the instance was down or unreachable: reviewers check that the service stayed alive over the whole period.',
  'availability.up': 'UP',
  'availability.down': 'DOWN',
  'availabilityRatio.title': 'Availability over the range',
  'availabilityRatio.description':
    'Share of successful scrapes over the selected time range, averaged over instances (avg_over_time(up)). Below 99.9 % means the service was down for part of the period.',
  'requestRate.title': 'Request rate',
  'requestRate.description':
    'Requests per second by status code. Shows the load the service carries and when traffic changed; read the other panels against it.',
  'errorRate.title': 'HTTP error rate',
  'errorRate.description':
    'Share of requests answered with a 5xx status. Yellow from 0.5 %, red from 1 %: users see failures and the service is not correct under load.',
  'latency.title': 'Latency {percentiles}',
  'latency.description':
    'Request duration percentiles. The red line is the SLO: P95 above it means one request in twenty is slower than promised.',
  'latency.meanTitle': 'Mean latency (no percentiles)',
  'latency.meanNote':
    'Note: the "{convention}" metrics have no latency histogram and no summary quantiles, so this panel shows the mean duration (_sum / _count) instead of P50/P95/P99. The mean hides slow outliers.',
  'latency.slo': 'SLO',
  'latency.mean': 'mean',
  'routeMatrix.title': 'Route matrix',
  'routeMatrix.description':
    'One row per route, busiest first: requests per second, 5xx share and latency percentiles now. Coloured cells point at the route that breaks the SLO or fails.',
  'routeMatrix.noLatencyNote':
    'Note: the "{convention}" metrics have no per-route latency histogram, so this table has no P95/P99 columns.',
  'routeMatrix.route': 'Route',
  'routeMatrix.qps': 'QPS',
  'routeMatrix.errors': 'Error %',
  'routeMatrix.p95': 'P95',
  'routeMatrix.p99': 'P99',
  'goroutines.title': 'Goroutines (leak check)',
  'goroutines.description':
    'Goroutines per instance, and their growth per second over a sliding window (deriv). A count that keeps climbing with flat traffic is a goroutine leak.',
  'goroutines.growth': 'growth/s {{instance}}',
  'handles.title': 'Open file descriptors (leak check)',
  'handles.description':
    'Open file descriptors per instance and their growth per second. Steady growth means sockets or files are not closed; at the limit the service cannot accept connections.',
  'fdUsage.title': 'File descriptors used',
  'fdUsage.description':
    'Highest share of the process fd limit in use over the instances. Yellow from 70 %, red from 90 %: the service is close to refusing new connections.',
  'goroutineHeatmap.title': 'Goroutines per instance (heatmap)',
  'goroutineHeatmap.description':
    'One row per instance, one column per point in time; the colour is the number of goroutines the instance had then, from blue (fewest on screen) to red (most). A leak shows as a row that drifts hotter and never cools again, even when traffic drops; a healthy row cools after every burst. The growth rate is on the goroutine time series beside it.',
  'goroutineHeatmap.value': 'Goroutines',
  'fdHeatmap.title': 'File descriptors used per instance (heatmap)',
  'fdHeatmap.description':
    'One row per instance: open file descriptors as a share of its limit (open / max fds), on a fixed scale from green at 0 % through yellow at 50 % to red at 100 %. A row that keeps getting hotter is leaking sockets or files; once it reaches the limit the instance refuses new connections.',
  'fdHeatmap.value': 'fd limit used',
  'memory.title': 'Memory trend',
  'memory.description':
    'Resident memory and Go heap in use per instance, with a linear projection of resident memory. A rising projection with flat traffic suggests a memory leak.',
  'memory.rss': 'RSS {{instance}}',
  'memory.heap': 'heap in use {{instance}}',
  'memory.projection': 'RSS projected {{instance}}',
  'gcFrequency.title': 'GC frequency',
  'gcFrequency.description':
    'Garbage collections per second per instance. Frequent collections mean a high allocation rate and cost CPU.',
  'gcPause.title': 'GC pause',
  'gcPause.description':
    'Stop-the-world GC pause duration from the runtime summary: 75th percentile and maximum over recent cycles. Long pauses add directly to request latency.',
  'gcPause.p75': 'p75 pause',
  'gcPause.max': 'max pause',
  'inFlight.title': 'In-flight requests',
  'inFlight.description':
    'Requests being served right now per instance. Yellow from 12 000: requests queue up and latency grows.',
  'cpu.title': 'CPU usage',
  'cpu.description':
    'CPU time used per instance, in cores (100 % = one full core). Sustained high use means the service needs more capacity or has a hot loop.',
  'moduleErrors.title': 'Error rate by {label}',
  'moduleErrors.description':
    'Share of requests answered with 5xx for each value of the "{label}" label. Finds the module or route that fails.',
  'kpi.availability.title': 'Availability',
  'kpi.availability.description': 'Share of successful scrapes over the selected range. Target: 99.9 % or more.',
  'kpi.p95.title': 'P95 latency',
  'kpi.p95.description': '95th percentile request duration now. Green under the SLO.',
  'kpi.meanLatency.title': 'Mean latency',
  'kpi.meanLatency.description': 'Mean request duration now. Green under the SLO.',
  'kpi.errors.title': 'Error rate',
  'kpi.errors.description': 'Share of requests answered with 5xx now. Green under 0.5 %.',
  'kpi.qps.title': 'QPS',
  'kpi.qps.description':
    'Requests per second now, all instances together: the load the other numbers were measured under.',
  'kpi.uptime.title': 'Uptime',
  'kpi.uptime.description': 'Time since the youngest process started. A short uptime means a recent restart or crash.',
  'kpi.goroutines.title': 'Goroutines',
  'kpi.goroutines.description':
    'Goroutines now, all instances together. Compare with earlier: growth with flat traffic is a leak.',
  'compare.label': 'Compare with',
  'compare.suffix': ' ($compare ago)',
  'compare.description': 'Period the overlay series look back: the same query shifted by this offset.',
  'row.kpis': 'Key indicators',
  'row.traffic': 'Traffic, errors and latency',
  'row.leaks': 'Leaks and resources',
  'row.routes': 'Routes',
  'dashboard.overview': 'Go service overview',
  'dashboard.routeMatrix': 'Go service routes',
  'dashboard.teachingDemo': 'Go service live demo',
  'dashboard.defenseKpis': 'Go service KPIs',
  'variable.datasource': 'Data source',
  'variable.job': 'Job',
  'variable.instance': 'Instance',
  'variable.cluster': 'Cluster',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
