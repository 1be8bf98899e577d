import type { Convention } from '../conventions/convention.ts';
import {
  availabilityOverWindow,
  errorRatioOverWindow,
  gaugeGrowthOverWindow,
  gaugeMaxOverWindow,
  latencyMeanOverWindow,
  latencyQuantileOverWindow,
  peakRequestRateOverWindow,
  type ReportQueryOptions,
  requestRateSeries,
  requestsOverWindow,
} from '../queries/report-kpis.ts';
import type { PrometheusApi, PromSample } from '../verify/prometheus-api.ts';
import { KPIS, type KpiId, kpiStatus, relativeChange, worstStatus } from './kpis.ts';
import type { KpiSeries, ServiceReport, WeeklyReport } from './report-model.ts';
import { previousRange, type ReportRange } from './report-range.ts';

/** A service to report on: its `job` label and the convention its metrics follow. */
export interface ReportService {
  readonly job: string;
  readonly convention: Convention;
}

export interface CollectOptions {
  readonly range: ReportRange;
  readonly services: readonly ReportService[];
  /** Prometheus scrape interval in seconds: sizes the peak-rate window (4 scrapes, at least 60 s) and its step. */
  readonly scrapeIntervalSeconds: number;
  /** Request success objective, e.g. 0.999; enables `error_budget_left`. */
  readonly sloObjective?: number;
  /** Queries run at once. @default 4 */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Prometheus refuses range queries of more than 11 000 points per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

/**
 * Step (s) for a `query_range` over `rangeSeconds`: about `targetPoints` points, a whole multiple of the scrape
 * interval, and never so small that the series exceeds Prometheus's 11 000-point limit (a week: ≥ 55 s).
 */
export function chartStepSeconds(rangeSeconds: number, scrapeIntervalSeconds: number, targetPoints = 1000): number {
  const floor = Math.ceil(rangeSeconds / MAX_POINTS_PER_SERIES);
  const wanted = Math.max(floor, Math.ceil(rangeSeconds / targetPoints));
  const scrape = Math.max(1, Math.round(scrapeIntervalSeconds));
  return Math.ceil(wanted / scrape) * scrape;
}

/** A query failure; the report stops rather than print partial numbers as if complete. */
export class ReportQueryError extends Error {
  override readonly name = 'ReportQueryError';
}

interface Window {
  readonly end: number;
  readonly seconds: number;
}

type Query = { readonly kpi: KpiId; readonly expr: string; readonly group: number; readonly slot: number };

/** KPIs that come straight from PromQL (the error budget is derived from the error ratio). */
function kpiQueries(
  convention: Convention,
  options: ReportQueryOptions,
  scrapeSeconds: number,
): Array<[KpiId, string]> {
  const rateWindow = Math.max(60, 4 * scrapeSeconds);
  const step = Math.max(1, Math.round(scrapeSeconds));
  const m = convention.metrics;
  return [
    ['availability', availabilityOverWindow(options)],
    ['error_ratio', errorRatioOverWindow(options)],
    convention.capabilities.latencyHistogram
      ? ['latency_p95_seconds', latencyQuantileOverWindow(options, 0.95)]
      : ['latency_mean_seconds', latencyMeanOverWindow(options)],
    ['requests_total', requestsOverWindow(options)],
    ['peak_rps', peakRequestRateOverWindow(options, rateWindow, step)],
    ['goroutines_max', gaugeMaxOverWindow(options, m.goroutines)],
    ['goroutine_growth', gaugeGrowthOverWindow(options, m.goroutines)],
    ['open_fds_max', gaugeMaxOverWindow(options, m.openFds)],
    ['memory_max_bytes', gaugeMaxOverWindow(options, m.residentMemory)],
  ];
}

/** Value per job of an instant-vector result; NaN and ±Inf (e.g. 0/0 without traffic) count as no data. */
function valuesByJob(result: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of result as readonly PromSample[]) {
    const job = item.metric?.job;
    const raw = item.value?.[1];
    if (job === undefined || raw === undefined) continue;
    const value = Number(raw);
    if (Number.isFinite(value)) out.set(job, value);
  }
  return out;
}

async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * Queries every KPI of every service for each day of `range` and of the range before it, and for both ranges
 * whole: one instant query per KPI, window and convention (jobs of one convention share a query, `by (job)`).
 */
export async function collectReport(api: PrometheusApi, options: CollectOptions): Promise<WeeklyReport> {
  const { range, services, scrapeIntervalSeconds } = options;
  const previous = previousRange(range);
  const windowsOf = (r: ReportRange): Window[] => [
    ...r.days.map((d) => ({ end: d.end, seconds: Math.round((d.end - d.start) / 1000) })),
    { end: r.end, seconds: Math.round((r.end - r.start) / 1000) },
  ];
  const windows = [...windowsOf(range), ...windowsOf(previous)];

  const groups = new Map<string, { convention: Convention; jobs: string[] }>();
  for (const s of services) {
    const key = JSON.stringify(s.convention);
    const group = groups.get(key) ?? { convention: s.convention, jobs: [] };
    if (!group.jobs.includes(s.job)) group.jobs.push(s.job);
    groups.set(key, group);
  }
  const groupList = [...groups.values()];

  const queries: Array<Query & { readonly time: number }> = [];
  groupList.forEach((g, group) => {
    windows.forEach((w, slot) => {
      for (const [kpi, expr] of kpiQueries(
        g.convention,
        { convention: g.convention, jobs: g.jobs, windowSeconds: w.seconds },
        scrapeIntervalSeconds,
      )) {
        queries.push({ kpi, expr, group, slot, time: w.end });
      }
    });
  });

  // values[job][kpi][slot]
  const values = new Map<string, Map<KpiId, (number | null)[]>>();
  const slotValues = (job: string, kpi: KpiId) => {
    let byKpi = values.get(job);
    if (!byKpi) values.set(job, (byKpi = new Map()));
    let slots = byKpi.get(kpi);
    if (!slots) byKpi.set(kpi, (slots = windows.map(() => null)));
    return slots;
  };
  const someWindow = windows[0]!.seconds;
  for (const g of groupList) {
    for (const job of g.jobs)
      for (const [kpi] of kpiQueries(
        g.convention,
        { convention: g.convention, jobs: g.jobs, windowSeconds: someWindow },
        scrapeIntervalSeconds,
      ))
        slotValues(job, kpi);
  }

  const charts = new Map<string, Array<readonly [number, number]>>();
  const rangeSeconds = Math.round((range.end - range.start) / 1000);
  const stepSeconds = chartStepSeconds(rangeSeconds, scrapeIntervalSeconds);
  const total = queries.length + groupList.length;
  let done = 0;
  const failures: string[] = [];
  await pool(queries, options.concurrency ?? 4, async (q) => {
    const result = await api.query(q.expr, q.time);
    if (!result.ok) failures.push(`${q.kpi}: ${result.error}\n  query: ${q.expr}`);
    else
      for (const [job, value] of valuesByJob(result.result))
        if (values.has(job)) slotValues(job, q.kpi)[q.slot] = value;
    options.onProgress?.(++done, total);
  });
  for (const g of groupList) {
    const expr = requestRateSeries({ convention: g.convention, jobs: g.jobs }, Math.max(60, 4 * scrapeIntervalSeconds));
    const result = await api.queryRange(expr, range.start, range.end, stepSeconds * 1000);
    if (!result.ok) failures.push(`request rate chart: ${result.error}\n  query: ${expr}`);
    else
      for (const item of result.result as readonly PromSample[]) {
        const job = item.metric?.job;
        if (job === undefined) continue;
        charts.set(
          job,
          (item.values ?? []).map(([t, v]) => [t * 1000, Number(v)] as const).filter(([, v]) => Number.isFinite(v)),
        );
      }
    options.onProgress?.(++done, total);
  }
  if (failures.length > 0)
    throw new ReportQueryError(`${failures.length} report queries failed:\n${failures.slice(0, 5).join('\n')}`);

  const dayCount = range.days.length;
  const reports: ServiceReport[] = services.map((s) => {
    const byKpi = values.get(s.job) ?? new Map<KpiId, (number | null)[]>();
    const kpis: KpiSeries[] = [];
    for (const [id, slots] of byKpi) kpis.push(series(id, slots, dayCount));
    const errorRatio = byKpi.get('error_ratio');
    if (options.sloObjective !== undefined && errorRatio) {
      const budget = 1 - options.sloObjective;
      kpis.push(
        series(
          'error_budget_left',
          errorRatio.map((r) => (r === null ? null : 1 - r / budget)),
          dayCount,
        ),
      );
    }
    kpis.sort((a, b) => KPI_ORDER.indexOf(a.id) - KPI_ORDER.indexOf(b.id));
    return {
      job: s.job,
      convention: s.convention.name,
      latencyIsMean: !s.convention.capabilities.latencyHistogram,
      kpis,
      // A service with no availability data for the whole range was not scraped at all: that fails the review.
      verdict: worstStatus([
        ...kpis.map((k) => k.status),
        kpis.find((k) => k.id === 'availability')?.total == null ? 'bad' : 'ok',
      ]),
      requestRate: charts.get(s.job) ?? [],
      requestRateStepMs: stepSeconds * 1000,
    };
  });
  return {
    range,
    previous,
    services: reports,
    ...(options.sloObjective !== undefined ? { sloObjective: options.sloObjective } : {}),
    verdict: worstStatus(reports.map((r) => r.verdict)),
  };
}

const KPI_ORDER = Object.keys(KPIS);

/** Slots: days of the range, its total, days of the previous range, its total. */
function series(id: KpiId, slots: readonly (number | null)[], dayCount: number): KpiSeries {
  const total = slots[dayCount] ?? null;
  const previousTotal = slots[2 * dayCount + 1] ?? null;
  return {
    id,
    unit: KPIS[id].unit,
    days: slots.slice(0, dayCount),
    total,
    previousDays: slots.slice(dayCount + 1, 2 * dayCount + 1),
    previousTotal,
    change: relativeChange(total, previousTotal),
    status: kpiStatus(id, total),
  };
}
