import { AVAILABILITY_THRESHOLDS, ERROR_RATIO_THRESHOLDS, LATENCY_SLO_SECONDS } from '../panels/house-thresholds.ts';
import { formatDate } from './calendar.ts';
import { chartGeometry, timeSeriesGeometry } from './chart-geometry.ts';
import { dayLabel } from './day-label.ts';
import { formatChange, formatKpiValue, visibleChange } from './format-kpi.ts';
import { kpiStatus } from './kpis.ts';
import type { KpiSeries, ServiceReport, WeeklyReport } from './report-model.ts';
import { REPORT_TEXTS, type ReportLocale } from './report-text.ts';
import { STATUS_COLORS } from './status-colors.ts';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `body{font-family:"Noto Sans CJK SC","Noto Sans",system-ui,sans-serif;margin:2em auto;max-width:60em;color:#1f2328}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d0d7de}table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:.25em .5em;text-align:right}th:first-child,td:first-child{text-align:left}
.ok{color:${STATUS_COLORS.ok}}.warn{color:${STATUS_COLORS.warn}}.bad{color:${STATUS_COLORS.bad}}.none{color:${STATUS_COLORS.none}}
.no-data{color:${STATUS_COLORS['no-data']};font-style:italic}.charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}
figcaption{font-size:.85em}.verdict{font-size:1.2em;font-weight:bold}`;

/** The whole report as one self-contained HTML page (inline CSS and SVG, no scripts, every outside text escaped). */
export function renderHtml(report: WeeklyReport, locale: ReportLocale): string {
  const t = REPORT_TEXTS[locale];
  const e = escapeHtml;
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<title>${e(`${t.title} ${report.range.title}`)}</title>`,
  );
  out.push(`<style>${CSS}</style>\n</head>\n<body>`);
  out.push(`<h1>${e(t.title)}</h1>`);
  out.push('<table>');
  out.push(`<tr><th>${e(t.range)}</th><td>${e(report.range.title)}</td></tr>`);
  out.push(
    `<tr><th>${e(t.previousRange)}</th><td>${e(`${formatDate(report.previous.first)} – ${formatDate(report.previous.last)}`)}</td></tr>`,
  );
  out.push(`<tr><th>${e(t.timeZone)}</th><td>${e(report.range.timeZone)}</td></tr>`);
  out.push(
    `<tr><th>${e(t.slo)}</th><td>${report.sloObjective !== undefined ? e(formatKpiValue('availability', report.sloObjective, t.noData)) : e(t.noSlo)}</td></tr>`,
  );
  out.push(
    `<tr><th>${e(t.verdict)}</th><td class="verdict ${report.verdict}">${e(t.verdicts[report.verdict])}</td></tr>`,
  );
  out.push('</table>');
  out.push(`<h2>${e(t.services)}</h2>\n<ul>`);
  for (const s of report.services)
    out.push(
      `<li><a href="#svc-${e(encodeURIComponent(s.job))}">${e(s.job)}</a> — <span class="${s.verdict}">${e(t.verdicts[s.verdict])}</span></li>`,
    );
  out.push('</ul>');
  out.push(
    `<p>${e(t.thresholds)}${e(t.colon)}${e(t.kpis.availability)} ≥ ${e(formatKpiValue('availability', AVAILABILITY_THRESHOLDS.target, ''))}, ` +
      `${e(t.kpis.error_ratio)} &lt; ${e(formatKpiValue('error_ratio', ERROR_RATIO_THRESHOLDS.warn, ''))}, ${e(t.kpis.latency_p95_seconds)} &lt; ${e(formatKpiValue('latency_p95_seconds', LATENCY_SLO_SECONDS, ''))}. ${e(t.thresholdNote)}</p>`,
  );
  for (const s of report.services) out.push(serviceSection(report, s, locale));
  out.push('</body>\n</html>\n');
  return out.join('\n');
}

function arrow(kpi: KpiSeries): string {
  if (!visibleChange(kpi.change)) return '';
  return `<span class="${kpi.status}">${(kpi.change ?? 0) > 0 ? '▲' : '▼'}</span> `;
}

function serviceSection(report: WeeklyReport, s: ServiceReport, locale: ReportLocale): string {
  const t = REPORT_TEXTS[locale];
  const e = escapeHtml;
  const days = report.range.days;
  const out: string[] = [];
  out.push(`<h2 id="svc-${e(encodeURIComponent(s.job))}">${e(t.service)}${e(t.colon)}${e(s.job)}</h2>`);
  out.push(
    `<p>${e(t.convention)}${e(t.colon)}${e(s.convention)} — <span class="verdict ${s.verdict}">${e(t.verdicts[s.verdict])}</span></p>`,
  );
  if (s.latencyIsMean) out.push(`<p>${e(t.meanNote)}</p>`);
  out.push(
    `<table>\n<tr><th>${e(t.kpi)}</th><th>${e(t.thisRange)}</th><th>${e(t.lastRange)}</th><th>${e(t.change)}</th></tr>`,
  );
  for (const k of s.kpis) {
    out.push(
      `<tr><td>${e(t.kpis[k.id])}</td><td class="${k.status}">${e(formatKpiValue(k.id, k.total, t.noData, locale))}</td>` +
        `<td>${e(formatKpiValue(k.id, k.previousTotal, t.noData, locale))}</td><td>${arrow(k)}${e(formatChange(k.change))}</td></tr>`,
    );
  }
  out.push('</table>');
  out.push(
    `<h3>${e(t.daily)}</h3>\n<table>\n<tr><th>${e(t.kpi)}</th>${days.map((d) => `<th>${e(dayLabel(d.date, t.weekdays))}</th>`).join('')}</tr>`,
  );
  for (const k of s.kpis) {
    const cells = k.days.map(
      (v) => `<td class="${kpiStatus(k.id, v)}">${e(formatKpiValue(k.id, v, t.noData, locale))}</td>`,
    );
    out.push(`<tr><td>${e(t.kpis[k.id])}</td>${cells.join('')}</tr>`);
  }
  out.push('</table>');
  out.push(`<h3>${e(t.dailyCharts)}</h3>\n<div class="charts">`);
  for (const k of s.kpis)
    out.push(
      dailyChartSvg(
        k,
        t.kpis[k.id],
        days.map((d) => dayLabel(d.date, t.weekdays)),
        t.noData,
        locale,
      ),
    );
  out.push('</div>');
  if (s.requestRate.length > 0) {
    out.push(`<h3>${e(t.requestRate)}</h3>`);
    const g = timeSeriesGeometry(s.requestRate, report.range.start, report.range.end, 600, 120, s.requestRateStepMs);
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="150" viewBox="-30 -10 640 150"><rect x="0" y="0" width="600" height="120" fill="none" stroke="#d0d7de"/>` +
        g.runs
          .map(
            (run) =>
              `<polyline fill="none" stroke="#0969da" stroke-width="1" points="${run.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`,
          )
          .join('') +
        `<text x="-4" y="8" font-size="9" text-anchor="end">${e(g.yMax.toFixed(2))}</text><text x="-4" y="120" font-size="9" text-anchor="end">0</text></svg>`,
    );
  }
  return out.join('\n');
}

function dailyChartSvg(
  k: KpiSeries,
  title: string,
  labels: readonly string[],
  noData: string,
  locale: ReportLocale,
): string {
  const e = escapeHtml;
  const w = 260;
  const h = 90;
  const g = chartGeometry([k.days, k.previousDays], w, h, k.id === 'availability' ? 1 : Number.POSITIVE_INFINITY);
  const line = (runs: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, style: string) =>
    runs
      .map(
        (run) =>
          `<polyline fill="none" ${style} points="${run.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`,
      )
      .join('');
  const dots = (g.series[0] ?? [])
    .flat()
    .map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2" fill="#0969da"/>`)
    .join('');
  const xLabels = labels
    .map(
      (l, i) =>
        `<text x="${g.xs[i]!.toFixed(1)}" y="${h + 12}" font-size="8" text-anchor="middle">${e(l.split(' ')[0] ?? l)}</text>`,
    )
    .join('');
  return (
    `<figure><figcaption>${e(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${w + 80}" height="${h + 30}" viewBox="-70 -8 ${w + 80} ${h + 30}">` +
    `<rect x="0" y="0" width="${w}" height="${h}" fill="none" stroke="#d0d7de"/>` +
    line(g.series[1] ?? [], 'stroke="#8c959f" stroke-dasharray="3,2"') +
    line(g.series[0] ?? [], 'stroke="#0969da" stroke-width="1.5"') +
    dots +
    `<text x="-4" y="8" font-size="8" text-anchor="end">${e(formatKpiValue(k.id, g.yMax, noData, locale))}</text>` +
    `<text x="-4" y="${h}" font-size="8" text-anchor="end">${e(formatKpiValue(k.id, g.yMin, noData, locale))}</text>` +
    xLabels +
    '</svg></figure>'
  );
}
