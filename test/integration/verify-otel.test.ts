import { verifyScenario } from './verify-scenario.ts';

const sel = 'job="$job",instance=~"$instance"';
const duration = 'http_server_request_duration_seconds';

verifyScenario({
  service: 'otel-service',
  gocode: ['github.com/prometheus/client_golang'],
  panels: [
    { title: 'Request rate', exprs: [`sum by (http_route) (rate(${duration}_count{${sel}}[$__rate_interval]))`] },
    {
      title: 'HTTP 5xx ratio',
      exprs: [
        `sum(rate(${duration}_count{${sel},http_response_status_code=~"5.."}[$__rate_interval])) / sum(rate(${duration}_count{${sel}}[$__rate_interval]))`,
      ],
    },
    {
      title: 'Latency P95 by route',
      exprs: [`histogram_quantile(0.95, sum by (le, http_route) (rate(${duration}_bucket{${sel}}[$__rate_interval])))`],
    },
    { title: 'Goroutines', exprs: [`go_goroutines{${sel}}`] },
    { title: 'Open file descriptors', exprs: [`process_open_fds{${sel}}`] },
  ],
  misspelled: {
    title: 'Request rate (typo)',
    exprs: [`sum(rate(http_server_request_duration_second_count{${sel}}[$__rate_interval]))`],
  },
});
