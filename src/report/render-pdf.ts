import PDFDocument from 'pdfkit';
import { AVAILABILITY_THRESHOLDS, ERROR_RATIO_THRESHOLDS, LATENCY_SLO_SECONDS } from '../panels/house-thresholds.ts';
import { formatDate } from './calendar.ts';
import { chartGeometry, timeSeriesGeometry } from './chart-geometry.ts';
import { dayLabel } from './day-label.ts';
import { formatChange, formatKpiValue, visibleChange } from './format-kpi.ts';
import { kpiStatus } from './kpis.ts';
import type { KpiSeries, ServiceReport, WeeklyReport } from './report-model.ts';
import { REPORT_TEXTS, type ReportLocale } from './report-text.ts';
import { STATUS_COLORS } from './status-colors.ts';

/** The font to draw with: file bytes and, for a collection, the face; `undefined` = built-in Helvetica (Latin only). */
export interface PdfFont {
  readonly data: Uint8Array;
  readonly face?: string;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const TEXT = '#1f2328';
const MUTED = '#57606a';
const LINE = '#d0d7de';
const BLUE = '#0969da';

/**
 * The report as PDF (A4): a cover with range, services and verdict, then per service a KPI table with coloured
 * week-over-week arrows, the daily values, and vector charts. Deterministic: creation date and document ID derive
 * from the range, so the same data gives the same bytes.
 */
export function renderPdf(report: WeeklyReport, locale: ReportLocale, font: PdfFont | undefined): Promise<Uint8Array> {
  const t = REPORT_TEXTS[locale];
  const stamp = new Date(report.range.end);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    lang: locale,
    displayTitle: true,
    info: {
      Title: `${t.title} ${report.range.title}`,
      Author: 'panelcraft',
      Creator: 'panelcraft report',
      Producer: 'panelcraft',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  if (font) {
    if (font.face !== undefined) doc.registerFont('body', Buffer.from(font.data), font.face);
    else doc.registerFont('body', Buffer.from(font.data));
    doc.font('body');
  } else {
    // The standard Helvetica only encodes WinAnsi: spell the few other signs the report uses in ASCII.
    doc.font('Helvetica');
    const text = doc.text.bind(doc) as (...args: unknown[]) => Doc;
    (doc as { text: unknown }).text = (value: unknown, ...rest: unknown[]) => text(toWinAnsi(String(value)), ...rest);
  }

  cover(doc, report, locale);
  for (const s of report.services) servicePages(doc, report, s, locale);
  doc.end();
  return done;
}

function cover(doc: Doc, report: WeeklyReport, locale: ReportLocale): void {
  const t = REPORT_TEXTS[locale];
  doc.addPage();
  doc.fillColor(TEXT).fontSize(26).text(t.title, MARGIN, 90);
  doc.moveDown(0.3).fontSize(16).fillColor(MUTED).text(report.range.title);
  doc.moveDown(1.5);
  const rows: Array<[string, string]> = [
    [t.range, report.range.title],
    [t.previousRange, `${formatDate(report.previous.first)} – ${formatDate(report.previous.last)}`],
    [t.timeZone, report.range.timeZone],
    [
      t.slo,
      report.sloObjective !== undefined ? formatKpiValue('availability', report.sloObjective, t.noData) : t.noSlo,
    ],
  ];
  doc.fontSize(11);
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.fillColor(MUTED).text(k, MARGIN, y, { width: 150 });
    doc.fillColor(TEXT).text(v, MARGIN + 160, y, { width: CONTENT_W - 160 });
    doc.moveDown(0.4);
  }
  doc.moveDown(1);
  const boxY = doc.y;
  doc.roundedRect(MARGIN, boxY, CONTENT_W, 46, 6).fillColor(STATUS_COLORS[report.verdict]).fill();
  doc
    .fillColor('#ffffff')
    .fontSize(15)
    .text(`${t.verdict}${t.colon}${t.verdicts[report.verdict]}`, MARGIN + 14, boxY + 15, { width: CONTENT_W - 28 });
  doc.y = boxY + 66;
  doc.fillColor(TEXT).fontSize(14).text(t.services, MARGIN, doc.y);
  doc.moveDown(0.4).fontSize(11);
  for (const s of report.services) {
    const y = doc.y;
    doc
      .circle(MARGIN + 5, y + 6, 4)
      .fillColor(STATUS_COLORS[s.verdict])
      .fill();
    doc.fillColor(TEXT).text(s.job, MARGIN + 16, y, { width: 220, lineBreak: false, ellipsis: true });
    doc.fillColor(STATUS_COLORS[s.verdict]).text(t.verdicts[s.verdict], MARGIN + 250, y, { width: CONTENT_W - 250 });
    doc.moveDown(0.3);
  }
  doc.moveDown(1.2).fontSize(9).fillColor(MUTED);
  doc.text(
    `${t.thresholds}${t.colon}${t.kpis.availability} ≥ ${formatKpiValue('availability', AVAILABILITY_THRESHOLDS.target, '')} · ` +
      `${t.kpis.error_ratio} < ${formatKpiValue('error_ratio', ERROR_RATIO_THRESHOLDS.warn, '')} · ` +
      `${t.kpis.latency_p95_seconds} < ${formatKpiValue('latency_p95_seconds', LATENCY_SLO_SECONDS, '')}`,
    MARGIN,
    doc.y,
    { width: CONTENT_W },
  );
  doc.moveDown(0.3).text(t.thresholdNote, { width: CONTENT_W });
}

/** A filled triangle pointing up or down, in the status colour. */
function arrow(doc: Doc, x: number, y: number, up: boolean, color: string): void {
  const s = 4;
  if (up) doc.polygon([x, y + s], [x + s, y - s + 1], [x + 2 * s, y + s]);
  else doc.polygon([x, y - s + 1], [x + s, y + s], [x + 2 * s, y - s + 1]);
  doc.fillColor(color).fill();
}

function servicePages(doc: Doc, report: WeeklyReport, s: ServiceReport, locale: ReportLocale): void {
  const t = REPORT_TEXTS[locale];
  doc.addPage();
  doc.fillColor(TEXT).fontSize(18).text(`${t.service}${t.colon}${s.job}`, MARGIN, MARGIN, { width: CONTENT_W });
  doc.fontSize(10).fillColor(MUTED).text(`${t.convention}${t.colon}${s.convention}   ·   ${report.range.title}`);
  doc.fillColor(STATUS_COLORS[s.verdict]).text(`${t.verdict}${t.colon}${t.verdicts[s.verdict]}`);
  if (s.latencyIsMean) doc.fillColor(MUTED).fontSize(9).text(t.meanNote, { width: CONTENT_W });
  doc.moveDown(0.6);

  // KPI table: name, this range, previous, change with arrow.
  const cols = [MARGIN, MARGIN + 190, MARGIN + 300, MARGIN + 410];
  const rowH = 17;
  let y = doc.y;
  doc.fontSize(9).fillColor(MUTED);
  [t.kpi, t.thisRange, t.lastRange, t.change].forEach((h, i) =>
    doc.text(h, cols[i]!, y, { width: i === 0 ? 185 : 105, lineBreak: false }),
  );
  y += rowH;
  doc
    .moveTo(MARGIN, y - 4)
    .lineTo(MARGIN + CONTENT_W, y - 4)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();
  for (const k of s.kpis) {
    doc.fontSize(10).fillColor(TEXT).text(t.kpis[k.id], cols[0]!, y, { width: 185, lineBreak: false, ellipsis: true });
    doc
      .fillColor(STATUS_COLORS[k.status])
      .text(formatKpiValue(k.id, k.total, t.noData, locale), cols[1]!, y, { width: 105, lineBreak: false });
    doc
      .fillColor(MUTED)
      .text(formatKpiValue(k.id, k.previousTotal, t.noData, locale), cols[2]!, y, { width: 105, lineBreak: false });
    if (visibleChange(k.change)) arrow(doc, cols[3]!, y + 5, k.change > 0, STATUS_COLORS[k.status]);
    doc.fillColor(TEXT).text(formatChange(k.change), cols[3]! + 12, y, { width: 95, lineBreak: false });
    y += rowH;
  }
  doc
    .moveTo(MARGIN, y - 4)
    .lineTo(MARGIN + CONTENT_W, y - 4)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();

  // Daily values, seven days per block.
  y += 10;
  doc.fontSize(12).fillColor(TEXT).text(t.daily, MARGIN, y);
  y = doc.y + 4;
  const days = report.range.days;
  for (let from = 0; from < days.length; from += 7) {
    const block = days.slice(from, from + 7);
    const nameW = 130;
    const cellW = (CONTENT_W - nameW) / 7;
    if (y + rowH * (s.kpis.length + 1) > PAGE_H - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    doc.fontSize(7.5).fillColor(MUTED);
    block.forEach((d, i) =>
      doc.text(dayLabel(d.date, t.weekdays), MARGIN + nameW + i * cellW, y, {
        width: cellW - 4,
        align: 'right',
        lineBreak: false,
      }),
    );
    y += rowH - 4;
    for (const k of s.kpis) {
      doc
        .fontSize(7.5)
        .fillColor(TEXT)
        .text(t.kpis[k.id], MARGIN, y, { width: nameW - 4, lineBreak: false, ellipsis: true });
      block.forEach((_, i) => {
        const v = k.days[from + i] ?? null;
        doc
          .fillColor(STATUS_COLORS[kpiStatus(k.id, v)])
          .text(formatKpiValue(k.id, v, t.noData, locale), MARGIN + nameW + i * cellW, y, {
            width: cellW - 4,
            align: 'right',
            lineBreak: false,
          });
      });
      y += rowH - 4;
    }
    y += 8;
  }

  // Request rate over the range.
  if (s.requestRate.length > 1) {
    const h = 90;
    if (y + h + 40 > PAGE_H - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    doc.fontSize(10).fillColor(TEXT).text(t.requestRate, MARGIN, y);
    y = doc.y + 4;
    const x0 = MARGIN + 50;
    const w = CONTENT_W - 50;
    const g = timeSeriesGeometry(s.requestRate, report.range.start, report.range.end, w, h, s.requestRateStepMs);
    doc.rect(x0, y, w, h).lineWidth(0.5).strokeColor(LINE).stroke();
    days.forEach((d) => {
      const x = x0 + ((d.start - report.range.start) / (report.range.end - report.range.start)) * w;
      doc
        .moveTo(x, y)
        .lineTo(x, y + h)
        .lineWidth(0.3)
        .strokeColor(LINE)
        .stroke();
    });
    for (const [first, ...rest] of g.runs) {
      if (!first || rest.length === 0) continue;
      doc.moveTo(x0 + first[0], y + first[1]);
      for (const [px, py] of rest) doc.lineTo(x0 + px, y + py);
      doc.lineWidth(0.8).strokeColor(BLUE).stroke();
    }
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(g.yMax.toFixed(2), MARGIN, y - 2, { width: 46, align: 'right', lineBreak: false });
    doc.text('0', MARGIN, y + h - 7, { width: 46, align: 'right', lineBreak: false });
    y += h + 16;
  }

  // Daily charts: two per row; a new page when the first row does not fit.
  const chartW = (CONTENT_W - 40) / 2 - 50;
  const chartH = 60;
  const cellH = chartH + 42;
  if (y + 20 + cellH > PAGE_H - MARGIN) {
    doc.addPage();
    y = MARGIN;
  }
  doc.fontSize(12).fillColor(TEXT).text(t.dailyCharts, MARGIN, y);
  y = doc.y + 6;
  s.kpis.forEach((k, i) => {
    const col = i % 2;
    if (col === 0 && i > 0) y += cellH;
    if (col === 0 && y + cellH > PAGE_H - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    dailyChart(
      doc,
      k,
      t.kpis[k.id],
      days.map((d) => dayLabel(d.date, t.weekdays).split(' ')[0] ?? d.date),
      MARGIN + col * (CONTENT_W / 2) + 50,
      y + 14,
      chartW,
      chartH,
      t.noData,
      locale,
    );
  });
}

function dailyChart(
  doc: Doc,
  k: KpiSeries,
  title: string,
  labels: readonly string[],
  x0: number,
  y0: number,
  w: number,
  h: number,
  noData: string,
  locale: ReportLocale,
): void {
  doc
    .fontSize(8.5)
    .fillColor(TEXT)
    .text(title, x0 - 50, y0 - 13, { width: w + 50, lineBreak: false, ellipsis: true });
  doc.rect(x0, y0, w, h).lineWidth(0.5).strokeColor(LINE).stroke();
  const g = chartGeometry([k.days, k.previousDays], w, h, k.id === 'availability' ? 1 : Number.POSITIVE_INFINITY);
  const draw = (runs: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, color: string, dashed: boolean) => {
    for (const run of runs) {
      const [first, ...rest] = run;
      if (!first) continue;
      if (rest.length === 0) {
        doc
          .circle(x0 + first[0], y0 + first[1], 1.5)
          .fillColor(color)
          .fill();
        continue;
      }
      doc.moveTo(x0 + first[0], y0 + first[1]);
      for (const [px, py] of rest) doc.lineTo(x0 + px, y0 + py);
      if (dashed) doc.dash(2, { space: 2 });
      doc
        .lineWidth(dashed ? 0.7 : 1.2)
        .strokeColor(color)
        .stroke();
      doc.undash();
    }
  };
  draw(g.series[1] ?? [], '#8c959f', true);
  draw(g.series[0] ?? [], BLUE, false);
  for (const run of g.series[0] ?? [])
    for (const [px, py] of run)
      doc
        .circle(x0 + px, y0 + py, 1.6)
        .fillColor(BLUE)
        .fill();
  doc.fontSize(6.5).fillColor(MUTED);
  doc.text(formatKpiValue(k.id, g.yMax, noData, locale), x0 - 50, y0 - 2, {
    width: 47,
    align: 'right',
    lineBreak: false,
  });
  doc.text(formatKpiValue(k.id, g.yMin, noData, locale), x0 - 50, y0 + h - 6, {
    width: 47,
    align: 'right',
    lineBreak: false,
  });
  labels.forEach((l, i) =>
    doc.text(l, x0 + g.xs[i]! - 15, y0 + h + 2, { width: 30, align: 'center', lineBreak: false }),
  );
}

/** Text Helvetica's WinAnsi encoding can show: `≥` → `>=`, `−` → `-`, other characters outside it → `?`. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/−/g, '-')
    .replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\n]/g, '?');
}
