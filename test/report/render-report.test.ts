import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/report/calendar.ts';
import { formatChange, formatKpiValue } from '../../src/report/format-kpi.ts';
import { renderHtml } from '../../src/report/render-html.ts';
import { renderPdf } from '../../src/report/render-pdf.ts';
import type { WeeklyReport } from '../../src/report/report-model.ts';
import { previousRange, rangeOfDates } from '../../src/report/report-range.ts';
import { which } from '../support/real-tools.ts';

const range = rangeOfDates('UTC', parseDate('2026-11-23')!, parseDate('2026-11-29')!);
const hostile = '<img src=x onerror=alert(1)>&"\'';
const report: WeeklyReport = {
  range,
  previous: previousRange(range),
  verdict: 'bad',
  services: [
    {
      job: hostile,
      convention: 'clientGolang',
      latencyIsMean: false,
      verdict: 'bad',
      requestRate: [],
      requestRateStepMs: 60_000,
      kpis: [
        {
          id: 'availability',
          unit: 'ratio',
          days: [1, 1, 0.95, null, 1, 1, 1],
          total: 0.985,
          previousDays: [1, 1, 1, 1, 1, 1, 1],
          previousTotal: 1,
          change: -0.015,
          status: 'bad',
        },
        {
          id: 'memory_max_bytes',
          unit: 'bytes',
          days: [1, 2, 3, 4, 5, 6, 7].map((i) => i * 1024 ** 2),
          total: 7 * 1024 ** 2,
          previousDays: [null, null, null, null, null, null, null],
          previousTotal: null,
          change: null,
          status: 'ok',
        },
      ],
    },
  ],
};

describe('human formatting', () => {
  it.each([
    ['availability', 0.99951, '99.951 %'],
    ['error_ratio', 0.0123, '1.230 %'],
    ['latency_p95_seconds', 0.2345, '234.5 ms'],
    ['latency_p95_seconds', 1.5, '1.500 s'],
    ['requests_total', 1234567.4, '1,234,567'],
    ['peak_rps', 12.345, '12.35 req/s'],
    ['goroutine_growth', 48.2, '+48'],
    ['memory_max_bytes', 76546048, '73.0 MiB'],
    ['error_budget_left', -0.25, '-25.0 %'],
  ] as const)('%s %s → %s', (id, value, text) => expect(formatKpiValue(id, value, 'no data')).toBe(text));
  it('no data and changes', () => {
    expect(formatKpiValue('availability', null, '无数据')).toBe('无数据');
    expect(formatChange(0.125)).toBe('+12.5 %');
    expect(formatChange(-0.0004)).toBe('±0.0 %');
    expect(formatChange(null)).toBe('–');
  });
});

describe('renderHtml', () => {
  it('escapes every outside text and needs nothing from outside the file', () => {
    const html = renderHtml(report, 'en');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
    expect(html).not.toMatch(/<script|<link|src="|url\(/);
    expect(html).toContain('<td class="no-data">no data</td>');
    expect(html).toContain('<td class="bad">98.500 %</td>');
  });
});

describe.skipIf(!which('pdftotext'))('renderPdf', () => {
  it('without a CJK font, English falls back to Helvetica and still prints every value', async () => {
    const bytes = await renderPdf(report, 'en', undefined);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-pdf-'));
    try {
      const file = path.join(dir, 'r.pdf');
      await writeFile(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const v of [
        '98.500 %',
        '95.000 %',
        'no data',
        '7.0 MiB',
        '-1.5 %',
        'Weekly service report',
        'Availability >= 99.900 %',
        'Service: <img src=x onerror=alert(1)>&"\'',
      ])
        expect(text).toContain(v);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('Helvetica');
      expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await renderPdf(report, 'en', undefined)))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
