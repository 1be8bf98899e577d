/**
 * English alert texts. `{name}` placeholders are filled at build time; `{{ … }}` are Go templates Prometheus fills
 * when the alert fires. Every key here must exist in every other locale (the type of `alertTextsZhCN` enforces it).
 */
export const alertTextsEn = {
  fastPage:
    'Fast page: no `for` and a {interval} evaluation interval, so it reaches Alertmanager within one scrape plus one evaluation of the fault (15 s end to end with a 5 s scrape and group_wait 0s).',
  'targetDown.summary': '{{ $labels.job }} instance {{ $labels.instance }} is down',
  'targetDown.description':
    'Prometheus cannot scrape {{ $labels.instance }} of job {{ $labels.job }} (up = {{ $value }}): the process is down, hung or unreachable, and every request it should serve fails.',
  'targetMissing.summary': 'No target of job {{ $labels.job }} is scraped',
  'targetMissing.description':
    'Prometheus has no up series for job {{ $labels.job }} at all: the service vanished from service discovery or was never deployed, so none of its other alerts can fire.',
  'errorRatio.summary': '{{ $labels.job }} answers {{ $value | humanizePercentage }} of requests with 5xx',
  'errorRatio.description':
    '5xx share of all requests of job {{ $labels.job }} over the last {window}: {{ $value | humanizePercentage }}, above the {threshold} review threshold. Users see failures.',
  'latencyP95.summary': '{{ $labels.job }} P95 latency is {{ $value | humanize }}s',
  'latencyP95.description':
    'The 95th percentile of request duration of job {{ $labels.job }} over the last {window} is {{ $value | humanize }}s, above the {threshold} s SLO: one request in twenty is slower than promised.',
  'latencyMean.summary': '{{ $labels.job }} mean latency is {{ $value | humanize }}s',
  'latencyMean.description':
    'The mean request duration of job {{ $labels.job }} over the last {window} is {{ $value | humanize }}s, above {threshold} s. The "{convention}" metrics have no latency histogram, so this alert watches the mean (_sum / _count) instead of P95; the mean hides slow outliers.',
  'inFlight.summary': '{{ $labels.instance }} serves {{ $value | humanize }} requests at once',
  'inFlight.description':
    '{{ $labels.instance }} of job {{ $labels.job }} has {{ $value | humanize }} requests in flight, above {threshold}: requests queue up and latency grows.',
  'goroutineLeak.summary': 'Goroutines of {{ $labels.instance }} keep growing',
  'goroutineLeak.description':
    'Goroutines of {{ $labels.instance }} (job {{ $labels.job }}) grew by {{ $value | humanize }} per second on average over {window}, for {for} without pause. A burst that comes back down averages out over the window; a steady climb is a goroutine leak (blocked sends, missing cancel, unclosed bodies). Ticket: slow by nature.',
  'fdsRunningOut.summary': '{{ $labels.instance }} will run out of file descriptors within {horizon}',
  'fdsRunningOut.description':
    'Open file descriptors of {{ $labels.instance }} (job {{ $labels.job }}), extrapolated {horizon} ahead from the trend over {window} (predict_linear), reach {{ $value | humanize }}, at or above process_max_fds. Sockets or files are not closed; at the limit the service refuses connections. Ticket: slow by nature.',
  'memoryGrowth.summary': 'Resident memory of {{ $labels.instance }} keeps growing',
  'memoryGrowth.description':
    'Resident memory of {{ $labels.instance }} (job {{ $labels.job }}), extrapolated {horizon} ahead from the trend over {window}, would be {{ $value | humanize }} times what it is now (threshold {threshold}), for {for}. Growth with flat traffic suggests a memory leak. Ticket: slow by nature.',
  'gcPressure.summary': '{{ $labels.instance }} runs {{ $value | humanize }} garbage collections per second',
  'gcPressure.description':
    "{{ $labels.instance }} (job {{ $labels.job }}) ran {{ $value | humanize }} GC cycles per second over {window}, for {for}. Go's pacer (GOGC=100) starts a cycle each time the heap grows by the live heap, and forces one at least every 2 minutes, so a healthy service runs from a few per minute to a few per second; above {threshold} per second the service allocates short-lived garbage so fast, or sits so close to GOMEMLIMIT, that GC work (up to 25 % of CPU while marking, plus assists on every allocating goroutine) steals CPU from requests. Ticket: slow by nature.",
  'sloPage.summary': '{{ $labels.job }} burns its {slo} error budget fast',
  'sloPage.description':
    'The {slo} SLO of job {{ $labels.job }} ({objective} over {period}) is burning its error budget: {{ $value | humanizePercentage }} of requests were bad over the long window, at least {fastFactor}× the sustainable rate over 1h and 5m or {slowFactor}× over 6h and 30m. At this pace the budget is gone in under {daysLeft} days. Page: the windows are recorded in its own group, so it fires at the first evaluation where both cross; but on a service with an hour of traffic the 1h window crosses only after {outage} of nothing but bad requests.',
  'sloTicket.summary': '{{ $labels.job }} burns its {slo} error budget',
  'sloTicket.description':
    'The {slo} SLO of job {{ $labels.job }} ({objective} over {period}) is burning its error budget steadily: {{ $value | humanizePercentage }} of requests were bad over the long window, at least {fastFactor}× the sustainable rate over 1d and 2h or {slowFactor}× over 3d and 6h. Ticket: slow by nature.',
  'slo.availability': 'availability',
  'slo.latency': 'latency',
  'note.noLatencySlo':
    'No latency SLO for job {job}: the "{convention}" metrics have no latency histogram (gin\'s duration is a summary without quantiles), so the share of requests under a threshold cannot be counted. The latency panels show the mean for the same reason.',
  'note.noInFlight':
    'No in-flight alert for job {job}: the "{convention}" metrics have no in-flight gauge; name one with {convention}({ metrics: { inFlight: \'<gauge>\' } }).',
  'note.meanLatency':
    'The latency alert of job {job} watches the mean duration, not P95: the "{convention}" metrics have no latency histogram.',
  'note.noCases':
    'No generated unit tests for job {job}: the instance matcher is a regex panelcraft cannot invent a matching value for; write tests with alertTest().',
} as const satisfies Record<string, string>;

export type AlertTextKey = keyof typeof alertTextsEn;
