import {
  AVAILABILITY_THRESHOLDS,
  ERROR_BUDGET_THRESHOLDS,
  ERROR_RATIO_THRESHOLDS,
  GOROUTINE_THRESHOLDS,
  LATENCY_SLO_SECONDS,
  MEMORY_THRESHOLDS,
  OPEN_FDS_THRESHOLDS,
} from '../panels/house-thresholds.ts';

/** The report's KPIs, in the order they are shown. `latency_mean_seconds` replaces the P95 where no histogram exists. */
export const KPI_IDS = [
  'availability',
  'error_ratio',
  'latency_p95_seconds',
  'latency_mean_seconds',
  'requests_total',
  'peak_rps',
  'goroutines_max',
  'goroutine_growth',
  'open_fds_max',
  'memory_max_bytes',
  'error_budget_left',
] as const;

export type KpiId = (typeof KPI_IDS)[number];

/** Unit names as written in the CSV. */
export type KpiUnit =
  | 'ratio'
  | 'seconds'
  | 'requests'
  | 'requests_per_second'
  | 'goroutines'
  | 'file_descriptors'
  | 'bytes';

/** `ok`/`warn`/`bad` by the house thresholds; `none` where the KPI has no threshold; `no-data` without a value. */
export type KpiStatus = 'ok' | 'warn' | 'bad' | 'none' | 'no-data';

export interface KpiDefinition {
  readonly id: KpiId;
  readonly unit: KpiUnit;
  /** Which way is better, for the arrows; `neutral` for traffic. */
  readonly better: 'higher' | 'lower' | 'neutral';
  /** Status of a value by the same thresholds as the panels. */
  readonly status: (value: number) => Exclude<KpiStatus, 'no-data'>;
}

const higherIsWorse =
  (t: { readonly warn: number; readonly bad: number }) =>
  (v: number): 'ok' | 'warn' | 'bad' =>
    v >= t.bad ? 'bad' : v >= t.warn ? 'warn' : 'ok';
const none = () => 'none' as const;

export const KPIS: Readonly<Record<KpiId, KpiDefinition>> = {
  availability: {
    id: 'availability',
    unit: 'ratio',
    better: 'higher',
    status: (v) => (v < AVAILABILITY_THRESHOLDS.bad ? 'bad' : v < AVAILABILITY_THRESHOLDS.target ? 'warn' : 'ok'),
  },
  error_ratio: { id: 'error_ratio', unit: 'ratio', better: 'lower', status: higherIsWorse(ERROR_RATIO_THRESHOLDS) },
  latency_p95_seconds: {
    id: 'latency_p95_seconds',
    unit: 'seconds',
    better: 'lower',
    status: (v) => (v >= LATENCY_SLO_SECONDS ? 'bad' : 'ok'),
  },
  latency_mean_seconds: {
    id: 'latency_mean_seconds',
    unit: 'seconds',
    better: 'lower',
    status: (v) => (v >= LATENCY_SLO_SECONDS ? 'bad' : 'ok'),
  },
  requests_total: { id: 'requests_total', unit: 'requests', better: 'neutral', status: none },
  peak_rps: { id: 'peak_rps', unit: 'requests_per_second', better: 'neutral', status: none },
  goroutines_max: {
    id: 'goroutines_max',
    unit: 'goroutines',
    better: 'lower',
    status: higherIsWorse(GOROUTINE_THRESHOLDS),
  },
  goroutine_growth: { id: 'goroutine_growth', unit: 'goroutines', better: 'lower', status: none },
  open_fds_max: {
    id: 'open_fds_max',
    unit: 'file_descriptors',
    better: 'lower',
    status: higherIsWorse(OPEN_FDS_THRESHOLDS),
  },
  memory_max_bytes: {
    id: 'memory_max_bytes',
    unit: 'bytes',
    better: 'lower',
    status: higherIsWorse(MEMORY_THRESHOLDS),
  },
  error_budget_left: {
    id: 'error_budget_left',
    unit: 'ratio',
    better: 'higher',
    status: (v) => (v <= ERROR_BUDGET_THRESHOLDS.bad ? 'bad' : v < ERROR_BUDGET_THRESHOLDS.warn ? 'warn' : 'ok'),
  },
};

/** Status of a value, `no-data` for a missing one. */
export function kpiStatus(id: KpiId, value: number | null): KpiStatus {
  return value === null ? 'no-data' : KPIS[id].status(value);
}

const RANK: Record<KpiStatus, number> = { 'no-data': 0, none: 0, ok: 1, warn: 2, bad: 3 };

/** The worst of several statuses (`ok` when none has a threshold). */
export function worstStatus(statuses: readonly KpiStatus[]): 'ok' | 'warn' | 'bad' {
  let worst: 'ok' | 'warn' | 'bad' = 'ok';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s as 'warn' | 'bad';
  return worst;
}

/** Week-over-week change as a share of the previous value; `null` when either is missing or the previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / Math.abs(previous);
}
