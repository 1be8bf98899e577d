import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * STAND-IN until the alert presets land on main: the rule groups goServiceAlerts() is being written to produce for
 * the client_golang convention, by hand. To be replaced by `panelcraft build` of a temp project whose alerts/ source
 * calls the presets.
 */
export async function generateRuleFiles(
  dir: string,
  jobs: { pageJobs: readonly string[]; ticketJobs: readonly string[] },
): Promise<string[]> {
  const out = path.join(dir, 'rules');
  mkdirSync(out, { recursive: true });
  const sel = (job: string, extra = '') => `{job=${JSON.stringify(job)}${extra}}`;
  const alert = (name: string, expr: string, severity: string, extra: Record<string, string> = {}) => ({
    alert: name,
    expr,
    ...extra,
    labels: { severity },
    annotations: { summary: `${name} on {{ $labels.job }}`, description: 'value {{ $value }}' },
  });
  const groups = [
    ...jobs.pageJobs.map((job) => ({
      name: `${job}-pages`,
      interval: '5s',
      rules: [
        alert('GoServiceTargetDown', `up${sel(job)} == 0`, 'critical'),
        alert(
          'GoServiceHighErrorRatio',
          `sum by (job) (rate(http_requests_total${sel(job, ',code=~"5.."')}[1m])) / sum by (job) (rate(http_requests_total${sel(job)}[1m])) > 0.005`,
          'critical',
        ),
        alert(
          'GoServiceHighLatencyP95',
          `histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket${sel(job)}[1m]))) > 0.8`,
          'critical',
        ),
        alert('GoServiceTooManyInFlight', `http_requests_in_flight${sel(job)} > 40`, 'critical'),
      ],
    })),
    ...jobs.ticketJobs.map((job) => ({
      name: `${job}-resources`,
      interval: '5s',
      rules: [
        alert('GoServiceGoroutineLeak', `deriv(go_goroutines${sel(job)}[20s]) > 1`, 'warning', { for: '10s' }),
        alert(
          'GoServiceFdsRunningOut',
          `predict_linear(process_open_fds${sel(job)}[30s], 120) >= process_max_fds${sel(job)}`,
          'warning',
          { for: '10s' },
        ),
        alert(
          'GoServiceMemoryGrowth',
          `predict_linear(process_resident_memory_bytes${sel(job)}[30s], 120) / process_resident_memory_bytes${sel(job)} > 3`,
          'warning',
          { for: '10s' },
        ),
        alert('GoServiceGcPressure', `rate(go_gc_duration_seconds_count${sel(job)}[20s]) > 10`, 'warning', {
          for: '10s',
        }),
      ],
    })),
  ];
  const file = path.join(out, 'stand-in.yaml');
  writeFileSync(file, stringify({ groups }));
  return [file];
}
