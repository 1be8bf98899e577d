import type { Convention } from '../conventions/convention.ts';
import { requestMetricProbe } from '../queries/report-kpis.ts';
import type { PrometheusApi, PromSample } from '../verify/prometheus-api.ts';
import type { ReportService } from './collect-report.ts';
import type { ReportRange } from './report-range.ts';
import { DEFAULT_REPORT_CONVENTION, KNOWN_CONVENTIONS } from './services-from-dashboards.ts';

/**
 * Conventions for jobs no built dashboard describes, from the request metric each job exposed during the range
 * (`gin_requests_total` → gin, …); client_golang's names when it exposed none of them. One query for all jobs.
 */
export async function detectConventions(
  api: PrometheusApi,
  jobs: readonly string[],
  range: ReportRange,
): Promise<ReportService[]> {
  if (jobs.length === 0) return [];
  const metrics = [...new Set(KNOWN_CONVENTIONS.map((c) => c.metrics.requests))];
  const expr = requestMetricProbe(jobs, metrics, Math.round((range.end - range.start) / 1000));
  const result = await api.query(expr, range.end);
  const seen = new Map<string, Set<string>>();
  if (result.ok) {
    for (const item of result.result as readonly PromSample[]) {
      const job = item.metric?.job;
      const name = item.metric?.__name__;
      if (job === undefined || name === undefined) continue;
      seen.set(job, (seen.get(job) ?? new Set()).add(name));
    }
  }
  return jobs.map((job) => {
    const names = seen.get(job) ?? new Set<string>();
    const convention: Convention =
      KNOWN_CONVENTIONS.find((c) => names.has(c.metrics.requests)) ?? DEFAULT_REPORT_CONVENTION;
    return { job, convention };
  });
}
