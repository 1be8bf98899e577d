import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { formatKpiValue } from '../../src/report/format-kpi.ts';
import type { KpiId } from '../../src/report/kpis.ts';
import { REPORT_TEXTS } from '../../src/report/report-text.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';
import { type Backfilled, reportToolsAvailable, startBackfilledPrometheus } from './support/backfilled-prometheus.ts';
import * as expected from './support/expected-kpis.ts';
import { SERVICES } from './support/synthetic-metrics.ts';

const available = reportToolsAvailable();
const WEEK_START_S = Date.UTC(2026, 8, 27, 16) / 1000; // 2026-09-28 00:00 +08:00
const DAY_S = 86_400;
const DAYS = ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'];
const SLO = 0.995;

/** A built dashboard scoped to one job, as `build` writes them (only what the report reads). */
const dashboard = (job: string, metric: string) =>
  JSON.stringify({
    templating: { list: [{ name: 'job', current: { selected: true, text: job, value: job } }] },
    panels: [{ targets: [{ expr: `sum(rate(${metric}{job=~"$job"}[$__rate_interval]))` }] }],
  });

interface Row {
  service: string;
  date: string;
  kpi: string;
  value: string;
  unit: string;
  status: string;
}

function parseCsv(text: string): Row[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
  expect(header).toBe('service,date,kpi,value,unit,status,previous_value,change');
  return lines.map((l) => {
    const [service, date, kpi, value, unit, status] = l.split(',');
    return { service: service!, date: date!, kpi: kpi!, value: value!, unit: unit!, status: status! };
  });
}

/** The same KPI written independently by hand (equality matchers, no src/queries), evaluated at the window's end. */
function independentQuery(kpi: string, job: string, gin: boolean, seconds: number): string {
  const w = `[${seconds}s]`;
  const req = gin ? 'gin_requests_total' : 'http_requests_total';
  const sel = `{job="${job}"}`;
  switch (kpi) {
    case 'availability':
      return `avg_over_time(up${sel}${w})`;
    case 'requests_total':
      return `sum(increase(${req}${sel}${w}))`;
    case 'error_ratio':
    case 'error_budget_left': {
      const ratio = `sum(increase(${req}{job="${job}",code="500"}${w})) / sum(increase(${req}${sel}${w}))`;
      return kpi === 'error_ratio' ? ratio : `1 - (${ratio}) / ${1 - SLO}`;
    }
    case 'latency_p95_seconds':
      return `histogram_quantile(0.95, sum by (le) (increase(http_request_duration_seconds_bucket${sel}${w})))`;
    case 'latency_mean_seconds':
      return `sum(increase(gin_request_duration_seconds_sum${sel}${w})) / sum(increase(gin_request_duration_seconds_count${sel}${w}))`;
    case 'peak_rps':
      return `max_over_time(sum(rate(${req}${sel}[1200s]))[${seconds - 1200}s:300s])`;
    case 'goroutines_max':
      return `max_over_time(go_goroutines${sel}${w})`;
    case 'goroutine_growth':
      return `deriv(go_goroutines${sel}${w}) * ${seconds}`;
    case 'open_fds_max':
      return `max_over_time(process_open_fds${sel}${w})`;
    case 'memory_max_bytes':
      return `max_over_time(process_resident_memory_bytes${sel}${w})`;
  }
  throw new Error(`no independent query for ${kpi}`);
}

/** The generator's value of a KPI over [start, end]. */
function generatorValue(kpi: string, job: string, start: number, end: number): number | null {
  switch (kpi) {
    case 'availability':
      return expected.availability(job, start, end);
    case 'requests_total':
      return expected.requests(job, start, end).all;
    case 'error_ratio':
    case 'error_budget_left': {
      const r = expected.requests(job, start, end);
      const ratio = r.all === 0 ? null : r.errors / r.all;
      return kpi === 'error_ratio' || ratio === null ? ratio : 1 - ratio / (1 - SLO);
    }
    case 'latency_p95_seconds':
      return expected.latencyP95(job, start, end);
    case 'latency_mean_seconds':
      return expected.latencyMean(job, start, end);
    case 'peak_rps':
      return expected.peakRps(job, start, end);
    case 'goroutines_max':
      return expected.gaugeMax(job, start, end, 'goroutines');
    case 'goroutine_growth':
      return expected.goroutineGrowth(job, start, end);
    case 'open_fds_max':
      return expected.gaugeMax(job, start, end, 'fds');
    case 'memory_max_bytes':
      return expected.gaugeMax(job, start, end, 'memory');
  }
  throw new Error(`no generator value for ${kpi}`);
}

const close = (actual: number, wanted: number, what: string) =>
  expect(Math.abs(actual - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(wanted)),
  );

describe.skipIf(!available)('panelcraft report against a real Prometheus with a backfilled week of known data', () => {
  let dir: string;
  let prom: Backfilled;
  let project: TempProject;
  let rows: Row[];
  let seconds: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-report-'));
    prom = await startBackfilledPrometheus(dir);
    project = await tempProject({
      'panelcraft.yaml': `datasource:\n  scrapeInterval: 5m\nreport:\n  timezone: Asia/Shanghai\n  slo: ${SLO}\n`,
      ...Object.fromEntries(
        SERVICES.map((s) => [
          `provisioning/dashboards/team/${s.job}.json`,
          dashboard(s.job, s.gin ? 'gin_requests_total' : 'http_requests_total'),
        ]),
      ),
    });
    const t0 = performance.now();
    const result = await project.run(
      'report',
      '--prometheus',
      prom.url,
      '--week',
      '2026-W40',
      '--format',
      'csv,pdf,html',
      '--out',
      'out',
      '--json',
    );
    seconds = (performance.now() - t0) / 1000;
    process.stderr.write(
      `report: 2026-W40 for ${SERVICES.length} services (csv+pdf+html) took ${seconds.toFixed(2)} s\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    rows = parseCsv(await project.read('out/raw_data_2026W40.csv'));
  }, 180_000);

  afterAll(async () => {
    await prom?.process.stop();
    await project?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes one row per service × (7 days + total) × KPI, gin with the mean latency', () => {
    const kpisOf = (job: string) => [...new Set(rows.filter((r) => r.service === job).map((r) => r.kpi))];
    const common = [
      'availability',
      'error_ratio',
      'requests_total',
      'peak_rps',
      'goroutines_max',
      'goroutine_growth',
      'open_fds_max',
      'memory_max_bytes',
      'error_budget_left',
    ];
    expect(kpisOf('alpha').sort()).toEqual([...common, 'latency_p95_seconds'].sort());
    expect(kpisOf('shop-gin').sort()).toEqual([...common, 'latency_mean_seconds'].sort());
    expect(rows.length).toBe(SERVICES.length * 10 * 8);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set([...DAYS, 'total']));
  });

  it('every value equals an independent PromQL query over the same window', async () => {
    let compared = 0;
    for (const r of rows) {
      const service = SERVICES.find((s) => s.job === r.service)!;
      const i = DAYS.indexOf(r.date);
      const end = r.date === 'total' ? WEEK_START_S + 7 * DAY_S : WEEK_START_S + (i + 1) * DAY_S;
      const secs = r.date === 'total' ? 7 * DAY_S : DAY_S;
      const result = await prom.query(independentQuery(r.kpi, r.service, service.gin, secs), end);
      const value =
        result.length === 1 && Number.isFinite(Number(result[0]!.value[1])) ? Number(result[0]!.value[1]) : null;
      if (value === null) {
        expect([r.value, r.status], `${r.service} ${r.date} ${r.kpi}`).toEqual(['', 'no data']);
      } else {
        close(Number(r.value), value, `${r.service} ${r.date} ${r.kpi}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('every value equals what the generator put in (except delta next to its gap, where Prometheus extrapolates)', () => {
    let compared = 0;
    for (const r of rows) {
      if (r.service === 'delta' && (r.date === '2026-09-29' || r.date === '2026-10-01')) continue;
      const i = DAYS.indexOf(r.date);
      const start = r.date === 'total' ? WEEK_START_S : WEEK_START_S + i * DAY_S;
      const end = r.date === 'total' ? WEEK_START_S + 7 * DAY_S : start + DAY_S;
      const wanted = generatorValue(r.kpi, r.service, start, end);
      if (wanted === null) expect(r.status, `${r.service} ${r.date} ${r.kpi}`).toBe('no data');
      else {
        close(Number(r.value), wanted, `${r.service} ${r.date} ${r.kpi}`);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(350);
  });

  it('the day without samples reads "no data" for every KPI, not zero', () => {
    const day = rows.filter((r) => r.service === 'delta' && r.date === '2026-09-30');
    expect(day.length).toBe(10);
    for (const r of day) expect([r.kpi, r.value, r.status]).toEqual([r.kpi, '', 'no data']);
  });

  it('the counter reset (gamma restarts on 2026-10-01) does not change requests_total', () => {
    const get = (date: string) =>
      Number(rows.find((r) => r.service === 'gamma' && r.date === date && r.kpi === 'requests_total')!.value);
    expect(get('2026-10-01')).toBe(get('2026-09-30'));
    expect(get('2026-10-01')).toBe(expected.requests('gamma', WEEK_START_S + 3 * DAY_S, WEEK_START_S + 4 * DAY_S).all);
    expect(get('total')).toBe(expected.requests('gamma', WEEK_START_S, WEEK_START_S + 7 * DAY_S).all);
  });

  it('known shapes: beta down 2 h on Tuesday, alpha leaks 48 goroutines a day, beta breaches availability', () => {
    const v = (job: string, date: string, kpi: string) =>
      rows.find((r) => r.service === job && r.date === date && r.kpi === kpi)!;
    expect(Number(v('beta', '2026-09-29', 'availability').value)).toBeCloseTo(265 / 289, 12);
    expect(v('beta', '2026-09-29', 'availability').status).toBe('bad');
    expect(Number(v('alpha', '2026-09-28', 'goroutine_growth').value)).toBeCloseTo(48, 6);
    expect(Number(v('beta', 'total', 'open_fds_max').value)).toBe(900);
  });

  it('the PDF holds every KPI value as printed, and the same data gives the same bytes', async () => {
    const pdf = path.join(project.root, 'out/weekly_report_2026W40.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const t = REPORT_TEXTS.en;
    for (const heading of [
      t.title,
      t.verdict,
      t.daily,
      t.dailyCharts,
      ...SERVICES.map((s) => `${t.service}${t.colon}${s.job}`),
    ])
      expect(text).toContain(heading);
    let found = 0;
    for (const r of rows) {
      const printed = formatKpiValue(r.kpi as KpiId, r.value === '' ? null : Number(r.value), t.noData, 'en');
      expect(text, `${r.service} ${r.date} ${r.kpi} = ${printed}`).toContain(printed);
      found++;
    }
    expect(found).toBe(rows.length);
    const again = await project.run(
      'report',
      '--prometheus',
      prom.url,
      '--week',
      '2026-W40',
      '--format',
      'pdf',
      '--out',
      'again',
    );
    expect(again.code).toBe(0);
    expect(
      Buffer.compare(await readFile(pdf), await readFile(path.join(project.root, 'again/weekly_report_2026W40.pdf'))),
    ).toBe(0);
  });

  it('zh-CN: Chinese headings and KPI names, with an embedded subset CJK font', async () => {
    const result = await project.run(
      'report',
      '--prometheus',
      prom.url,
      '--week',
      '2026-W40',
      '--format',
      'pdf,html',
      '--locale',
      'zh-CN',
      '--out',
      'zh',
    );
    expect(result.code).toBe(0);
    const pdf = path.join(project.root, 'zh/weekly_report_2026W40.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    const t = REPORT_TEXTS['zh-CN'];
    for (const s of [
      '服务周报',
      '总体结论',
      '每日数值',
      '可用性',
      '错误率（5xx）',
      'P95 延迟',
      '平均延迟（无直方图）',
      '剩余错误预算',
      '无数据',
      t.verdicts.bad,
    ])
      expect(text).toContain(s);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const html = await readFile(path.join(project.root, 'zh/weekly_report_2026W40.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('服务周报');
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it('--json prints the KPI table', async () => {
    const result = await project.run(
      'report',
      '--prometheus',
      prom.url,
      '--week',
      '2026-W40',
      '--format',
      'csv',
      '--out',
      'json',
      '--json',
    );
    const body = JSON.parse(result.stdout) as {
      ok: boolean;
      verdict: string;
      range: { week: string; days: string[] };
      services: Array<{
        job: string;
        kpis: Array<{ kpi: string; total: number | null; days: Record<string, number | null> }>;
      }>;
    };
    expect(body.ok).toBe(true);
    expect(body.range.week).toBe('2026-W40');
    expect(body.range.days).toEqual(DAYS);
    expect(body.verdict).toBe('bad');
    const delta = body.services.find((s) => s.job === 'delta')!;
    expect(delta.kpis.find((k) => k.kpi === 'requests_total')!.days['2026-09-30']).toBeNull();
    const gamma = body.services.find((s) => s.job === 'gamma')!;
    expect(gamma.kpis.find((k) => k.kpi === 'requests_total')!.total).toBe(
      expected.requests('gamma', WEEK_START_S, WEEK_START_S + 7 * DAY_S).all,
    );
  });

  it('on a terminal, long ranges show progress on stderr; --mail-to delivers all files and never prints the password', async () => {
    const password = 's3cret-Pa55word-for-report';
    const mails: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _s, cb) =>
        auth.password === password ? cb(null, { user: auth.username }) : cb(new Error('bad login')),
      onData(stream, _s, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          mails.push(raw);
          cb();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    try {
      await writeFile(
        path.join(project.root, 'panelcraft.yaml'),
        `datasource:\n  scrapeInterval: 5m\nreport:\n  timezone: Asia/Shanghai\n  slo: ${SLO}\n  mail:\n    host: 127.0.0.1\n    port: ${port}\n    user: reporter\n    from: reports@example.test\n`,
      );
      let stdout = '';
      let stderr = '';
      const code = await main(
        [
          'report',
          '--prometheus',
          prom.url,
          '--week',
          '2026-W40',
          '--format',
          'csv,pdf,html',
          '--out',
          'mailed',
          '--mail-to',
          'team@example.test,lead@example.test',
        ],
        {
          cwd: project.root,
          env: { PANELCRAFT_SMTP_PASSWORD: password },
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          stderrIsTTY: true,
        },
      );
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/report: (\d+)\/\1 queries \(100 %\)\n$/);
      expect(stdout).toContain('mailed to team@example.test, lead@example.test');
      expect(mails.length).toBe(1);
      for (const name of ['raw_data_2026W40.csv', 'weekly_report_2026W40.pdf', 'weekly_report_2026W40.html'])
        expect(mails[0]).toContain(name);
      expect(`${stdout}${stderr}${mails[0]}`).not.toContain(password);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('--service names jobs no dashboard describes; their convention comes from the metrics they exposed', async () => {
    const bare = await tempProject({
      'panelcraft.yaml': 'datasource:\n  scrapeInterval: 5m\nreport:\n  timezone: Asia/Shanghai\n',
    });
    try {
      const r = await bare.run(
        'report',
        '--prometheus',
        prom.url,
        '--week',
        '2026-W40',
        '--format',
        'csv',
        '--service',
        'shop-gin',
        '--service',
        'alpha',
        '--out',
        'o',
      );
      expect(r.code, r.stderr).toBe(0);
      const csv = parseCsv(await bare.read('o/raw_data_2026W40.csv'));
      const total = (job: string, kpi: string) =>
        csv.find((x) => x.service === job && x.date === 'total' && x.kpi === kpi);
      expect(Number(total('shop-gin', 'requests_total')!.value)).toBe(
        Number(rows.find((x) => x.service === 'shop-gin' && x.date === 'total' && x.kpi === 'requests_total')!.value),
      );
      expect(total('shop-gin', 'latency_mean_seconds')).toBeDefined();
      expect(total('alpha', 'latency_p95_seconds')).toBeDefined();
      expect([...new Set(csv.map((x) => x.service))]).toEqual(['shop-gin', 'alpha']);
    } finally {
      await bare.dispose();
    }
  });

  it('Australia/Sydney: DST starts on 2026-10-04, a 23-hour day whose window and numbers follow the local calendar', async () => {
    const result = await project.run(
      'report',
      '--prometheus',
      prom.url,
      '--week',
      '2026-W40',
      '--tz',
      'Australia/Sydney',
      '--format',
      'csv',
      '--out',
      'sydney',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { range: { start: string; end: string; timeZone: string } };
    expect(body.range).toMatchObject({
      timeZone: 'Australia/Sydney',
      start: '2026-09-27T14:00:00.000Z',
      end: '2026-10-04T13:00:00.000Z',
    });
    const csv = parseCsv(await project.read('sydney/raw_data_2026W40.csv'));
    const dayStart = (i: number) => Date.UTC(2026, 8, 27 + i, 14) / 1000;
    for (const [i, date] of DAYS.entries()) {
      const start = dayStart(i);
      const end = i === 6 ? Date.UTC(2026, 9, 4, 13) / 1000 : dayStart(i + 1); // the last day has 23 hours
      const got = Number(
        csv.find((r) => r.service === 'alpha' && r.date === date && r.kpi === 'requests_total')!.value,
      );
      expect(got, date).toBe(expected.requests('alpha', start, end).all);
      const independent = await prom.query(independentQuery('requests_total', 'alpha', false, end - start), end);
      expect(Number(independent[0]!.value[1]), date).toBe(got);
    }
    expect(
      Number(csv.find((r) => r.service === 'alpha' && r.date === '2026-10-04' && r.kpi === 'goroutine_growth')!.value),
    ).toBeCloseTo(46, 6);
  });

  it('took a few seconds for five services (measured, not asserted tightly)', () => {
    expect(seconds).toBeLessThan(120);
  });
});
