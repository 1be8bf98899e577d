import { formatDate } from './calendar.ts';
import { formatIsoWeek } from './iso-week.ts';
import type { WeeklyReport } from './report-model.ts';

/** The report as `--json` prints it: the range, the verdict and the KPI table (no chart points). */
export function reportJson(report: WeeklyReport) {
  const { range, previous } = report;
  return {
    range: {
      timeZone: range.timeZone,
      ...(range.week ? { week: formatIsoWeek(range.week) } : {}),
      from: formatDate(range.first),
      to: formatDate(range.last),
      start: new Date(range.start).toISOString(),
      end: new Date(range.end).toISOString(),
      days: range.days.map((d) => d.date),
    },
    previous: { from: formatDate(previous.first), to: formatDate(previous.last) },
    ...(report.sloObjective !== undefined ? { slo: report.sloObjective } : {}),
    verdict: report.verdict,
    services: report.services.map((s) => ({
      job: s.job,
      convention: s.convention,
      verdict: s.verdict,
      kpis: s.kpis.map((k) => ({
        kpi: k.id,
        unit: k.unit,
        total: k.total,
        previousTotal: k.previousTotal,
        change: k.change,
        status: k.status,
        days: Object.fromEntries(range.days.map((d, i) => [d.date, k.days[i] ?? null])),
      })),
    })),
  };
}
