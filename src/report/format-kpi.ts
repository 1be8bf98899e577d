import type { KpiId } from './kpis.ts';
import type { ReportLocale } from './report-text.ts';

const grouped = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });

function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${grouped(v, i === 0 ? 0 : 1)} ${units[i]}`;
}

/**
 * A KPI value as people read it in the PDF and HTML (the CSV keeps plain machine numbers): ratios as percent,
 * seconds as ms below 1 s, counts with thousands separators, bytes in IEC units. `null` is "no data".
 */
export function formatKpiValue(id: KpiId, value: number | null, noData: string, locale: ReportLocale = 'en'): string {
  if (value === null) return noData;
  switch (id) {
    case 'availability':
    case 'error_ratio':
    case 'error_budget_left':
      return `${grouped(value * 100, id === 'error_budget_left' ? 1 : 3)} %`;
    case 'latency_p95_seconds':
    case 'latency_mean_seconds':
      return value < 1 ? `${grouped(value * 1000, 1)} ms` : `${grouped(value, 3)} s`;
    case 'requests_total':
    case 'goroutines_max':
    case 'open_fds_max':
      return grouped(Math.round(value), 0);
    case 'goroutine_growth': {
      const r = Math.round(value);
      return `${r > 0 ? '+' : ''}${grouped(r, 0)}`;
    }
    case 'peak_rps':
      return `${grouped(value, 2)}${locale === 'zh-CN' ? ' 次/秒' : ' req/s'}`;
    case 'memory_max_bytes':
      return bytes(value);
  }
}

/** Whether a change shows as non-zero at one decimal of a percent (only then is an arrow drawn). */
export function visibleChange(change: number | null): change is number {
  return change !== null && Math.round(Math.abs(change) * 1000) !== 0;
}

/** Relative change as `+12.5 %`, `±0.0 %` below 0.05 %; `–` when not comparable. */
export function formatChange(change: number | null): string {
  if (change === null) return '–';
  if (!visibleChange(change)) return '±0.0 %';
  return `${change > 0 ? '+' : '−'}${grouped(Math.abs(change * 100), 1)} %`;
}
