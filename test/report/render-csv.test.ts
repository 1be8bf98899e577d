import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseIsoWeek } from '../../src/report/iso-week.ts';
import { plainNumber } from '../../src/report/plain-number.ts';
import { csvField, renderCsv } from '../../src/report/render-csv.ts';
import type { WeeklyReport } from '../../src/report/report-model.ts';
import { previousRange, rangeOfDates, weekRange } from '../../src/report/report-range.ts';
import { parseDate } from '../../src/report/calendar.ts';

function reportOf(job: string, days: (number | null)[], total: number | null): WeeklyReport {
  const range = rangeOfDates('UTC', parseDate('2026-11-23')!, parseDate('2026-11-24')!);
  return {
    range,
    previous: previousRange(range),
    verdict: 'ok',
    services: [
      {
        job,
        convention: 'clientGolang',
        latencyIsMean: false,
        verdict: 'ok',
        requestRate: [],
        requestRateStepMs: 60_000,
        kpis: [
          {
            id: 'error_ratio',
            unit: 'ratio',
            days,
            total,
            previousDays: [0.0000004, null],
            previousTotal: 0.004,
            change: total === null ? null : (total - 0.004) / 0.004,
            status: 'ok',
          },
        ],
      },
    ],
  };
}

describe('renderCsv', () => {
  it('writes a BOM, CRLF rows, one per day and KPI plus the total, plain numbers, "no data" for a missing value', () => {
    const csv = renderCsv(reportOf('api', [0.0000001, null], 0.002));
    expect(csv.startsWith('\uFEFFservice,date,kpi,value,unit,status,previous_value,change\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'service,date,kpi,value,unit,status,previous_value,change',
      'api,2026-11-23,error_ratio,0.0000001,ratio,ok,0.0000004,-0.75',
      'api,2026-11-24,error_ratio,,ratio,no data,,',
      'api,total,error_ratio,0.002,ratio,ok,0.004,-0.5',
      '',
    ]);
  });

  it('quotes by RFC 4180 and defuses formulas in job names', () => {
    const csv = renderCsv(reportOf('=HYPERLINK("http://x","a,b")', [0.001, 0.001], 0.001));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""a,b"")",2026-11-23,error_ratio,0.001,`);
    expect(csvField('+1', true)).toBe("'+1");
    expect(csvField('-x', true)).toBe("'-x");
    expect(csvField('@sum', true)).toBe("'@sum");
    expect(csvField('支付服务', true)).toBe('支付服务');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('names files by ISO week', () => {
    expect(weekRange('Asia/Shanghai', parseIsoWeek('2026-W48')!).label).toBe('2026W48');
  });
});

describe('plainNumber', () => {
  it.each([
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [1e21, '1000000000000000000000'],
    [-2.5e-8, '-0.000000025'],
    [0.1, '0.1'],
    [-0, '0'],
    [123456789, '123456789'],
  ])('%s → %s', (n, text) => expect(plainNumber(n)).toBe(text));

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])(
    'never an exponent, and reads back as the same number',
    (n) => {
      const text = plainNumber(n);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(n === 0 ? 0 : n);
    },
  );
});
