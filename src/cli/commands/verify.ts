import path from 'node:path';
import { isJsonObject } from '../../model/json.ts';
import { loadConfig } from '../../io/load-config.ts';
import { prometheusClient } from '../../io/prometheus-client.ts';
import { readDashboardJsonFiles } from '../../io/read-dashboard-json.ts';
import { redactSecrets } from '../../io/redact.ts';
import { hasErrors, type Diagnostic } from '../../model/diagnostic.ts';
import { templateVariables } from '../../validate/template-variables.ts';
import { formatGoDuration, parseGrafanaInterval } from '../../model/grafana-interval.ts';
import { verifyDashboards, type DashboardFile } from '../../verify/verify-dashboards.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../context.ts';
import { countLine, formatDiagnostics } from '../../tooling/format-diagnostics.ts';
import { HTTP_FLAGS, HTTP_FLAGS_USAGE, httpFromFlags } from '../http-flags.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { buildCommand } from '../../io/build-hint.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';

export const VERIFY_USAGE =
  `usage: panelcraft verify --prometheus URL [--var name=value]… [--strict] [--scrape-interval 15s] ${HTTP_FLAGS_USAGE} [--root DIR] [--json]\n` +
  'credentials: PANELCRAFT_PROMETHEUS_TOKEN (bearer) or PANELCRAFT_PROMETHEUS_USER + PANELCRAFT_PROMETHEUS_PASSWORD (basic), or --header';

/**
 * `panelcraft verify`: runs every Prometheus query of every built dashboard (`provisioning/dashboards/**.json`)
 * against a live Prometheus over the dashboard's default time range, with Grafana's variables and macros expanded.
 * Exit 0 when every panel has data, 1 when a panel has no data or a failing query (or, with --strict, only some
 * of its queries have data), 2 on usage errors or when Prometheus cannot be reached.
 */
export const verify: Command = async (args, ctx) => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      prometheus: { type: 'string' },
      var: { type: 'string', multiple: true, default: [] },
      strict: { type: 'boolean', default: false },
      'scrape-interval': { type: 'string' },
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...HTTP_FLAGS,
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.prometheus) throw new UsageError(`--prometheus URL is required\n${VERIFY_USAGE}`);
  if (!/^https?:\/\/[^/]+/.test(values.prometheus))
    throw new UsageError(`--prometheus "${redactSecrets(values.prometheus)}" is not an http(s) URL`);
  const { http, url } = httpFromFlags(values, values.prometheus, ctx.env, 'PANELCRAFT_PROMETHEUS');
  const overrides = parseVarFlags(values.var ?? []);
  const root = projectRoot(ctx, values.root, false);
  const { config } = await loadConfig(root);
  const scrapeText = values['scrape-interval'] ?? config.datasource.scrapeInterval;
  const scrapeIntervalMs = parseGrafanaInterval(scrapeText);
  if (scrapeIntervalMs === undefined || scrapeIntervalMs <= 0)
    throw new UsageError(`scrape interval "${scrapeText}" is not a duration such as 15s`);

  const diagnostics: Diagnostic[] = [];
  const files: DashboardFile[] = [];
  for (const f of await readDashboardJsonFiles(root)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(f.contents);
    } catch (err) {
      diagnostics.push({
        rule: 'verify-json',
        severity: 'error',
        file: f.path,
        pointer: '',
        message: `not valid JSON: ${(err as Error).message}`,
        fix: `rebuild with \`${buildCommand(root)}\``,
      });
      continue;
    }
    if (isJsonObject(parsed)) files.push({ file: f.path, dashboard: parsed });
  }
  if (files.length === 0 && diagnostics.length === 0) {
    ctx.stderr(
      `panelcraft verify: no dashboards under ${path.join(root, 'provisioning/dashboards')}; run \`${buildCommand(root)}\` first.\n`,
    );
    return EXIT_FINDINGS;
  }

  const known = new Set(files.flatMap((f) => templateVariables(f.dashboard).map((v) => v.name)));
  const unknown = [...overrides.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `--var ${unknown.map((n) => `"${n}"`).join(', ')} names no variable of the dashboards (they have: ${[...known].sort().join(', ') || 'none'})`,
    );
  }

  const client = prometheusClient(url, { http });
  const unreachable = await client.ping();
  if (unreachable !== undefined) {
    ctx.stderr(`panelcraft verify: Prometheus at ${client.baseUrl} does not answer: ${unreachable}\n`);
    return EXIT_USAGE;
  }
  const promScrape = await client.scrapeInterval();
  if (promScrape !== undefined && promScrape > scrapeIntervalMs) {
    diagnostics.push({
      rule: 'verify-scrape-interval',
      severity: 'warning',
      file: 'panelcraft.yaml',
      pointer: '/datasource/scrapeInterval',
      message: `Prometheus scrapes every ${formatGoDuration(promScrape)} but the datasource's timeInterval is ${scrapeText}: $__rate_interval windows may hold fewer than two samples`,
      fix: `set datasource.scrapeInterval in panelcraft.yaml to "${formatGoDuration(promScrape)}"`,
    });
  }

  let lastShown = -1;
  const result = await verifyDashboards(files, client, {
    now: Date.now(),
    scrapeIntervalMs,
    overrides,
    strict: values.strict,
    onProgress: (done, total) => {
      // A line every 10 % (and the last one) keeps long runs visible without flooding CI logs.
      const step = Math.floor((done * 10) / total);
      if (values.json || (step === lastShown && done !== total)) return;
      lastShown = step;
      ctx.stderr(`verify: ${done}/${total} panels\n`);
    },
  });
  diagnostics.push(...result.diagnostics);
  const failed = hasErrors(diagnostics);
  const counts = { panels: result.panels.length, ok: 0, partial: 0, noData: 0, error: 0 };
  for (const p of result.panels) {
    if (p.status === 'ok') counts.ok++;
    else if (p.status === 'partial') counts.partial++;
    else if (p.status === 'no-data') counts.noData++;
    else counts.error++;
  }

  if (values.json) {
    ctx.stdout(
      jsonReport('verify', diagnostics, {
        prometheus: client.baseUrl,
        dashboards: files.length,
        counts,
        panels: result.panels,
      }),
    );
    return failed ? EXIT_FINDINGS : EXIT_OK;
  }
  const text = formatDiagnostics(diagnostics);
  if (text) ctx.stderr(text);
  const summary =
    `panelcraft verify: ${files.length} dashboards, ${counts.panels} panels: ${counts.ok} with data, ${counts.partial} partly empty, ` +
    `${counts.noData} without data, ${counts.error} with query errors (${countLine(diagnostics)})\n`;
  if (failed) ctx.stderr(summary);
  else ctx.stdout(summary);
  return failed ? EXIT_FINDINGS : EXIT_OK;
};

/** `--var job=api --var instance=a --var instance=b` → job: [api], instance: [a, b]. */
export function parseVarFlags(flags: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var "${flag}" must be name=value`);
    const name = flag.slice(0, eq).replace(/^\$/, '');
    out.set(name, [...(out.get(name) ?? []), flag.slice(eq + 1)]);
  }
  return out;
}
