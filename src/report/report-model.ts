import type { KpiId, KpiStatus, KpiUnit } from './kpis.ts';
import type { ReportRange } from './report-range.ts';

/** One KPI of one service: a value per day and for the whole range, now and in the previous range. */
export interface KpiSeries {
  readonly id: KpiId;
  readonly unit: KpiUnit;
  /** `null` = no data in that window. */
  readonly days: readonly (number | null)[];
  readonly total: number | null;
  readonly previousDays: readonly (number | null)[];
  readonly previousTotal: number | null;
  /** (total − previousTotal) / |previousTotal|; `null` when not comparable. */
  readonly change: number | null;
  readonly status: KpiStatus;
}

export interface ServiceReport {
  readonly job: string;
  /** Name of the metric convention the numbers were queried with. */
  readonly convention: string;
  /** `true` when latency is the mean (`latency_mean_seconds`) because the convention has no histogram. */
  readonly latencyIsMean: boolean;
  readonly kpis: readonly KpiSeries[];
  /** Worst threshold status of the range totals. */
  readonly verdict: 'ok' | 'warn' | 'bad';
  /** Request rate over the range for a chart: [epoch ms, value] points, at most 11 000. */
  readonly requestRate: ReadonlyArray<readonly [number, number]>;
  /** Step of `requestRate` in ms. */
  readonly requestRateStepMs: number;
}

/** Everything a report renderer needs; renderers are pure functions of this. */
export interface WeeklyReport {
  readonly range: ReportRange;
  readonly previous: ReportRange;
  readonly services: readonly ServiceReport[];
  /** Request success objective (e.g. 0.999) when an SLO is configured; the error budget is derived from it. */
  readonly sloObjective?: number;
  readonly verdict: 'ok' | 'warn' | 'bad';
}
