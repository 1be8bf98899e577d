import { clientGolang } from '../conventions/client-golang.ts';
import type { Convention } from '../conventions/convention.ts';
import { gin } from '../conventions/gin.ts';
import { otel } from '../conventions/otel.ts';
import type { ReportService } from './collect-report.ts';

/** Built-in conventions a built dashboard's queries are recognised by (their request metric), most specific first. */
export const KNOWN_CONVENTIONS: readonly Convention[] = [gin(), otel(), clientGolang()];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function collectExprs(panels: unknown, out: string[]): void {
  if (!Array.isArray(panels)) return;
  for (const p of panels) {
    if (!isObject(p)) continue;
    if (Array.isArray(p.targets))
      for (const t of p.targets) if (isObject(t) && typeof t.expr === 'string') out.push(t.expr);
    collectExprs(p.panels, out);
  }
}

/** The convention whose request metric a set of queries uses, if any built-in one. */
export function conventionOfQueries(exprs: readonly string[]): Convention | undefined {
  return KNOWN_CONVENTIONS.find((c) => exprs.some((e) => new RegExp(`\\b${c.metrics.requests}\\b`).test(e)));
}

/** The convention for a job nothing else tells about: client_golang's promhttp names. */
export const DEFAULT_REPORT_CONVENTION: Convention = clientGolang();

/**
 * The services built dashboards scope to: the fixed value of each dashboard's `job` variable (not "All", not a
 * regex), with the convention its queries use. Sorted by job; the first dashboard naming a job wins.
 */
export function servicesFromDashboards(dashboards: readonly unknown[]): ReportService[] {
  const found = new Map<string, Convention>();
  for (const d of dashboards) {
    if (!isObject(d) || !isObject(d.templating) || !Array.isArray(d.templating.list)) continue;
    const job = d.templating.list.find((v) => isObject(v) && v.name === 'job');
    if (!isObject(job) || !isObject(job.current)) continue;
    const value =
      Array.isArray(job.current.value) && job.current.value.length === 1 ? job.current.value[0] : job.current.value;
    if (typeof value !== 'string' || value === '' || value.startsWith('$') || /[.*+?|()[\]{}^\\]/.test(value)) continue;
    if (found.has(value)) continue;
    const exprs: string[] = [];
    collectExprs(d.panels, exprs);
    found.set(value, conventionOfQueries(exprs) ?? DEFAULT_REPORT_CONVENTION);
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([job, convention]) => ({ job, convention }));
}
