import { verifyScenario } from './verify-scenario.ts';

const sel = 'job="$job",instance=~"$instance"';

verifyScenario({
  service: 'gin-service',
  gocode: ['github.com/prometheus/client_golang', 'github.com/gin-gonic/gin', 'github.com/mcuadros/go-gin-prometheus'],
  panels: [
    { title: 'Request rate', exprs: [`sum by (url) (rate(gin_requests_total{${sel}}[$__rate_interval]))`] },
    {
      title: 'HTTP 5xx ratio',
      exprs: [
        `sum(rate(gin_requests_total{${sel},code=~"5.."}[$__rate_interval])) / sum(rate(gin_requests_total{${sel}}[$__rate_interval]))`,
      ],
    },
    // The middleware's duration is a summary without labels and without quantiles: mean latency only.
    {
      title: 'Mean latency',
      exprs: [
        `sum(rate(gin_request_duration_seconds_sum{${sel}}[$__rate_interval])) / sum(rate(gin_request_duration_seconds_count{${sel}}[$__rate_interval]))`,
      ],
    },
    { title: 'Goroutines', exprs: [`go_goroutines{${sel}}`] },
    { title: 'Open file descriptors', exprs: [`process_open_fds{${sel}}`] },
  ],
  misspelled: { title: 'Request rate (typo)', exprs: [`sum(rate(gin_request_total{${sel}}[$__rate_interval]))`] },
});
