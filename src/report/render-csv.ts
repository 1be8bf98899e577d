import { kpiStatus, relativeChange } from './kpis.ts';
import { plainNumber } from './plain-number.ts';
import type { KpiSeries, WeeklyReport } from './report-model.ts';

/** Byte-order mark: Excel opens the file as UTF-8 (Chinese job names included) only with it. */
const BOM = '\uFEFF';

export const CSV_COLUMNS = ['service', 'date', 'kpi', 'value', 'unit', 'status', 'previous_value', 'change'] as const;

/** The text `no data` stands in the status column where a window has no samples; the value cell stays empty. */
export const NO_DATA = 'no data';

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled). Text from outside (job names)
 * that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
 */
export function csvField(value: string, fromOutside = false): string {
  const safe = fromOutside && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const num = (v: number | null) => (v === null ? '' : plainNumber(v));

/**
 * `raw_data_<label>.csv`: one row per service × day × KPI, then the range total (`date` = `total`); UTF-8 with BOM,
 * CRLF line ends. `previous_value` is the same day (or total) of the previous range; `change` is the relative
 * change from it.
 */
export function renderCsv(report: WeeklyReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const service of report.services) {
    for (const kpi of service.kpis) {
      const row = (
        date: string,
        value: number | null,
        previous: number | null,
        change: number | null,
        status: string,
      ) =>
        lines.push(
          [
            csvField(service.job, true),
            date,
            kpi.id,
            num(value),
            kpi.unit,
            value === null ? NO_DATA : status,
            num(previous),
            num(change),
          ].join(','),
        );
      report.range.days.forEach((day, i) => {
        const value = kpi.days[i] ?? null;
        const previous = kpi.previousDays[i] ?? null;
        row(day.date, value, previous, relativeChange(value, previous), statusText(kpi, value));
      });
      row('total', kpi.total, kpi.previousTotal, kpi.change, statusText(kpi, kpi.total));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function statusText(kpi: KpiSeries, value: number | null): string {
  const s = kpiStatus(kpi.id, value);
  return s === 'none' ? '' : s;
}
