import path from 'node:path';
import { isJsonObject } from '../../model/json.ts';
import { loadConfig } from '../../io/load-config.ts';
import { prometheusClient } from '../../io/prometheus-client.ts';
import { redactSecrets } from '../../io/redact.ts';
import { readDashboardJsonFiles } from '../../io/read-dashboard-json.ts';
import { type ReportFile, writeReportFiles } from '../../io/write-report-files.ts';
import { isTimeZone, parseDate } from '../../report/calendar.ts';
import { collectReport, ReportQueryError, type ReportService } from '../../report/collect-report.ts';
import { reportJson } from '../../report/report-json.ts';
import { parseIsoWeek } from '../../report/iso-week.ts';
import { lastCompleteWeek, rangeOfDates, type ReportRange, weekRange } from '../../report/report-range.ts';
import { renderCsv } from '../../report/render-csv.ts';
import { weeklyReportWorkflow } from '../../report/schedule-workflow.ts';
import { servicesFromDashboards } from '../../report/services-from-dashboards.ts';
import { detectConventions } from '../../report/detect-conventions.ts';
import { hasErrors } from '../../model/diagnostic.ts';
import { parseGrafanaInterval } from '../../model/grafana-interval.ts';
import { type CliContext, type Command, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../context.ts';
import { formatDiagnostics } from '../../tooling/format-diagnostics.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { HTTP_FLAGS, HTTP_FLAGS_USAGE, httpFromFlags } from '../http-flags.ts';
import { buildCommand } from '../../io/build-hint.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';

export const REPORT_USAGE =
  'usage: panelcraft report --prometheus URL [--week 2026-W48 | --from YYYY-MM-DD --to YYYY-MM-DD] [--service JOB]…\n' +
  '                         [--format csv,pdf,html] [--locale en|zh-CN] [--tz Asia/Shanghai] [--font FILE] [--out DIR]\n' +
  `                         [--mail-to ADDRESS]… [--scrape-interval 15s] ${HTTP_FLAGS_USAGE} [--root DIR] [--json]\n` +
  '       panelcraft report --workflow [--tz ZONE]   print a GitHub Actions workflow running it every Monday 09:00 in the zone';

const FORMATS = ['csv', 'pdf', 'html'] as const;
type Format = (typeof FORMATS)[number];
const LOCALES = ['en', 'zh-CN'] as const;
type ReportLocale = (typeof LOCALES)[number];

/** Overall deadline of the report's HTTP calls unless --deadline is given. */
const REPORT_DEADLINE = '30m';

/** More days than this show progress on a terminal. */
const PROGRESS_FROM_DAYS = 7;

/**
 * `panelcraft report`: the KPI report of a week (or span of days) per service, as CSV (+ PDF, HTML), computed by
 * range-correct PromQL in the configured time zone. Exit 0 written, 1 when a query failed or the config has errors,
 * 2 on usage errors or an unreachable Prometheus.
 */
export const report: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      prometheus: { type: 'string' },
      week: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      service: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'csv,pdf' },
      locale: { type: 'string', default: 'en' },
      tz: { type: 'string' },
      font: { type: 'string' },
      out: { type: 'string', default: 'reports' },
      'mail-to': { type: 'string', multiple: true, default: [] },
      'scrape-interval': { type: 'string' },
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
      workflow: { type: 'boolean', default: false },
      ...HTTP_FLAGS,
    },
    strict: true,
    allowPositionals: false,
  });
  const formats = parseFormats(values.format ?? 'csv,pdf');
  const locale = values.locale as ReportLocale;
  if (!(LOCALES as readonly string[]).includes(locale))
    throw new UsageError(`--locale "${values.locale}" is not one of ${LOCALES.join(', ')}`);

  const root = projectRoot(ctx, values.root, false);
  const { config, diagnostics } = await loadConfig(root);
  if (hasErrors(diagnostics)) {
    if (values.json) ctx.stdout(jsonReport('report', diagnostics));
    else ctx.stderr(formatDiagnostics(diagnostics));
    return EXIT_FINDINGS;
  }
  const timeZone = values.tz ?? config.report.timezone;
  if (!isTimeZone(timeZone))
    throw new UsageError(`--tz "${timeZone}" is not an IANA time zone; use e.g. Asia/Shanghai or UTC`);
  if (values.workflow) {
    ctx.stdout(weeklyReportWorkflow(timeZone));
    return EXIT_OK;
  }
  const range = resolveRange(values, timeZone, Date.now());
  if (!values.prometheus) throw new UsageError(`--prometheus URL is required\n${REPORT_USAGE}`);
  if (!/^https?:\/\/[^/]+/.test(values.prometheus))
    throw new UsageError(`--prometheus "${redactSecrets(values.prometheus)}" is not an http(s) URL`);
  // A report asks hundreds of queries: the whole run gets 30 minutes unless --deadline says otherwise.
  const { http, url } = httpFromFlags(
    { ...values, deadline: values.deadline ?? REPORT_DEADLINE },
    values.prometheus,
    ctx.env,
    'PANELCRAFT_PROMETHEUS',
  );
  const scrapeText = values['scrape-interval'] ?? config.datasource.scrapeInterval;
  const scrapeMs = parseGrafanaInterval(scrapeText);
  if (scrapeMs === undefined || scrapeMs <= 0)
    throw new UsageError(`scrape interval "${scrapeText}" is not a duration such as 15s`);
  const mailTo = (values['mail-to'] ?? [])
    .flatMap((m) => m.split(','))
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (mailTo.length > 0 && config.report.mail === undefined) {
    throw new UsageError(
      '--mail-to needs SMTP settings: add `report: { mail: { host: …, from: … } }` to panelcraft.yaml',
    );
  }

  const wanted = await resolveServices(root, values.service ?? []);
  if (wanted.length === 0) {
    ctx.stderr(
      'panelcraft report: no services to report on: no built dashboard has a fixed `job` variable.\n' +
        '  fix: name them with --service JOB, or build dashboards that set `job` (`' +
        buildCommand(root) +
        '`)\n',
    );
    return EXIT_USAGE;
  }

  // Fonts are checked before any query: a zh-CN PDF without a CJK font must fail fast with what to install.
  const fontFile = values.font === undefined ? undefined : path.resolve(ctx.cwd, values.font);
  const pdfFont = formats.includes('pdf') ? await loadReportFont(locale, fontFile) : undefined;

  const client = prometheusClient(url, { http });
  const unreachable = await client.ping();
  if (unreachable !== undefined) {
    ctx.stderr(`panelcraft report: Prometheus at ${client.baseUrl} does not answer: ${unreachable}\n`);
    return EXIT_USAGE;
  }

  const detected = await detectConventions(
    client,
    wanted.filter((s) => s.convention === undefined).map((s) => s.job),
    range,
  );
  const services: ReportService[] = wanted.map((s) =>
    s.convention ? { job: s.job, convention: s.convention } : detected.find((d) => d.job === s.job)!,
  );

  const showProgress = !values.json && ctx.stderrIsTTY === true && range.days.length >= PROGRESS_FROM_DAYS;
  let lastShown = -1;
  let weekly;
  try {
    weekly = await collectReport(client, {
      range,
      services,
      scrapeIntervalSeconds: scrapeMs / 1000,
      ...(config.report.slo !== undefined ? { sloObjective: config.report.slo } : {}),
      onProgress: (done, total) => {
        const pct = Math.floor((done * 100) / total);
        if (!showProgress || pct === lastShown) return;
        lastShown = pct;
        ctx.stderr(`\rreport: ${done}/${total} queries (${pct} %)${done === total ? '\n' : ''}`);
      },
    });
  } catch (err) {
    if (!(err instanceof ReportQueryError)) throw err;
    return failed(
      ctx,
      values.json,
      'report-query',
      err.message,
      'check the query against Prometheus; nothing was written',
    );
  }

  const files: ReportFile[] = [];
  if (formats.includes('csv')) files.push({ name: `raw_data_${range.label}.csv`, contents: renderCsv(weekly) });
  if (formats.includes('html')) {
    const { renderHtml } = await import('../../report/render-html.ts');
    files.push({ name: `weekly_report_${range.label}.html`, contents: renderHtml(weekly, locale) });
  }
  if (formats.includes('pdf') && pdfFont) {
    const { renderPdf } = await import('../../report/render-pdf.ts');
    files.push({ name: `weekly_report_${range.label}.pdf`, contents: await renderPdf(weekly, locale, pdfFont) });
  }
  const outDir = path.resolve(ctx.cwd, values.out ?? 'reports');
  const written = await writeReportFiles(outDir, files);

  let mailed: string[] = [];
  const recipients = mailTo.length > 0 ? mailTo : [];
  if (recipients.length > 0 && config.report.mail) {
    const { mailReport } = await import('../../io/mail-report.ts');
    const outcome = await mailReport(config.report.mail, ctx.env, { to: recipients, report: weekly, locale, files });
    if (!outcome.ok) {
      return failed(
        ctx,
        values.json,
        'report-mail',
        `the report was written but not mailed: ${outcome.error}`,
        'check report.mail in panelcraft.yaml and the password variable',
        {
          files: written,
        },
      );
    }
    mailed = recipients;
  }

  if (values.json) {
    ctx.stdout(jsonReport('report', [], { ...reportJson(weekly), files: written, mailed }));
    return EXIT_OK;
  }
  const rel = written.map((f) => path.relative(ctx.cwd, f) || f);
  ctx.stdout(
    `panelcraft report: ${range.title} in ${timeZone}, ${services.length} service${services.length === 1 ? '' : 's'}, verdict ${weekly.verdict}\n` +
      rel.map((f) => `  wrote ${f}\n`).join('') +
      (mailed.length > 0 ? `  mailed to ${mailed.join(', ')}\n` : ''),
  );
  return EXIT_OK;
};

function parseFormats(text: string): Format[] {
  const list = text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  for (const f of list)
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UsageError(`--format "${f}" is not one of ${FORMATS.join(', ')}`);
  if (list.length === 0) throw new UsageError(`--format needs at least one of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

function resolveRange(
  values: { week?: string; from?: string; to?: string },
  timeZone: string,
  now: number,
): ReportRange {
  if (values.week !== undefined) {
    if (values.from !== undefined || values.to !== undefined)
      throw new UsageError('--week and --from/--to exclude each other');
    const week = parseIsoWeek(values.week);
    if (!week)
      throw new UsageError(
        `--week "${values.week}" is not an ISO week such as 2026-W48 (weeks 01-52, or 53 in long years)`,
      );
    return weekRange(timeZone, week);
  }
  if (values.from !== undefined || values.to !== undefined) {
    if (values.from === undefined || values.to === undefined)
      throw new UsageError('--from and --to go together (dates YYYY-MM-DD, both included)');
    const first = parseDate(values.from);
    const last = parseDate(values.to);
    if (!first) throw new UsageError(`--from "${values.from}" is not a date YYYY-MM-DD`);
    if (!last) throw new UsageError(`--to "${values.to}" is not a date YYYY-MM-DD`);
    const range = (() => {
      try {
        return rangeOfDates(timeZone, first, last);
      } catch {
        throw new UsageError(`--to ${values.to} is before --from ${values.from}`);
      }
    })();
    if (range.days.length > 366)
      throw new UsageError(`--from/--to span ${range.days.length} days; a report covers at most 366`);
    return range;
  }
  return lastCompleteWeek(timeZone, now);
}

/** Services with the convention their built dashboard uses; jobs named only on the command line have none yet. */
async function resolveServices(
  root: string,
  named: readonly string[],
): Promise<Array<{ job: string; convention?: ReportService['convention'] }>> {
  const dashboards: unknown[] = [];
  for (const f of await readDashboardJsonFiles(root)) {
    try {
      const parsed: unknown = JSON.parse(f.contents);
      if (isJsonObject(parsed)) dashboards.push(parsed);
    } catch {
      // `build --check` and `lint` report broken files; the report only looks for jobs.
    }
  }
  const built = servicesFromDashboards(dashboards);
  if (named.length === 0) return built;
  return [...new Set(named)].map((job) => built.find((s) => s.job === job) ?? { job });
}

async function loadReportFont(locale: ReportLocale, file: string | undefined) {
  const { findReportFont } = await import('../../io/report-font.ts');
  return findReportFont(locale, file);
}

/** Exit 1 with one error: a JSON report (`ok: false`) with --json, else a line on stderr. */
function failed(
  ctx: CliContext,
  json: boolean | undefined,
  rule: string,
  message: string,
  fix: string,
  fields: Readonly<Record<string, unknown>> = {},
): number {
  if (json)
    ctx.stdout(
      jsonReport('report', [{ rule, severity: 'error', file: 'panelcraft report', pointer: '', message, fix }], fields),
    );
  else ctx.stderr(`panelcraft report: ${message}\n`);
  return EXIT_FINDINGS;
}
