import { verifyScenario } from './verify-scenario.ts';

const sel = 'job="$job",instance=~"$instance"';

verifyScenario({
  service: 'go-service',
  gocode: ['github.com/prometheus/client_golang'],
  panels: [
    { title: 'Request rate', exprs: [`sum by (handler) (rate(http_requests_total{${sel}}[$__rate_interval]))`] },
    {
      title: 'HTTP 5xx ratio',
      exprs: [
        `sum(rate(http_requests_total{${sel},code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{${sel}}[$__rate_interval]))`,
      ],
    },
    {
      title: 'Latency P95',
      exprs: [
        `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`,
      ],
    },
    { title: 'In-flight requests', exprs: [`sum(http_requests_in_flight{${sel}})`] },
    { title: 'Goroutines', exprs: [`go_goroutines{${sel}}`, `deriv(go_goroutines{${sel}}[5m])`] },
    { title: 'Open file descriptors', exprs: [`process_open_fds{${sel}} / process_max_fds{${sel}}`] },
    { title: 'Availability', type: 'stat', instant: true, exprs: [`avg(avg_over_time(up{${sel}}[$__range]))`] },
  ],
  misspelled: { title: 'Request rate (typo)', exprs: [`sum(rate(http_requestz_total{${sel}}[$__rate_interval]))`] },
});
