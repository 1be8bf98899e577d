import { existsSync } from 'node:fs';
import path from 'node:path';
import { mergeCatalogs, SCRAPE_SERIES, type MetricCatalog } from '../../catalog/metric-catalog.ts';
import { parseExposition } from '../../catalog/parse-exposition.ts';
import type { PanelcraftConfig } from '../../config/config.ts';
import { collectLintFiles, MissingPathError } from '../../io/collect-lint-files.ts';
import { loadConfig } from '../../io/load-config.ts';
import { fetchMetrics, MetricsSourceError, readMetricsFile } from '../../io/read-metrics.ts';
import { redactSecrets } from '../../io/redact.ts';
import { formatDiagnostics, summaryLine } from '../../tooling/format-diagnostics.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { lintFiles } from '../../tooling/lint-files.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../model/diagnostic.ts';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Command } from '../context.ts';
import { HTTP_FLAGS, HTTP_FLAGS_USAGE, httpFromFlags } from '../http-flags.ts';
import { projectRoot } from '../project-root.ts';
import { parseArgs } from '../parse-args.ts';

export const LINT_USAGE =
  `usage: panelcraft lint [FILE.json | RULES.yaml | DIR]… [--root DIR] [--json] [--config FILE] [--metrics FILE]… [--metrics-url URL]… ${HTTP_FLAGS_USAGE}` +
  '\ncredentials for --metrics-url: PANELCRAFT_METRICS_TOKEN, or PANELCRAFT_METRICS_USER + PANELCRAFT_METRICS_PASSWORD, or --header';

const DEFAULT_PATH = 'provisioning/dashboards';

/**
 * `panelcraft lint`: checks dashboard JSON files and Prometheus rule files (also ones no one here wrote) with the
 * rules `build` uses. Without paths: provisioning/dashboards, and the rule files folder when it exists.
 * Exit 0 clean, 1 any error diagnostic, 2 usage or internal error.
 */
export const lint: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
      config: { type: 'string' },
      metrics: { type: 'string', multiple: true },
      'metrics-url': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
      ...HTTP_FLAGS,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    ctx.stdout(`${LINT_USAGE}\n`);
    return EXIT_OK;
  }
  const root = projectRoot(ctx, values.root, false);
  const config = await readConfig(root, values.config);

  // Paths are relative to --root when it is given, else to the working directory (which may be below the root).
  let paths =
    values.root === undefined
      ? positionals.map((p) => path.relative(root, path.resolve(ctx.cwd, p)) || '.')
      : positionals;
  if (paths.length === 0) {
    if (!existsSync(path.join(root, DEFAULT_PATH)))
      throw new UsageError(`no files given and ${DEFAULT_PATH}/ does not exist\n${LINT_USAGE}`);
    paths = [DEFAULT_PATH, ...(existsSync(path.join(root, config.alerts.dir)) ? [config.alerts.dir] : [])];
  }
  let sources;
  try {
    sources = await collectLintFiles(root, paths);
  } catch (err) {
    if (err instanceof MissingPathError) throw new UsageError(err.message);
    throw err;
  }

  const fetchUrl = (url: string) => {
    const { http, url: bare } = httpFromFlags(values, url, ctx.env, 'PANELCRAFT_METRICS');
    return fetchMetrics(bare, http);
  };
  const { catalog, diagnostics: metricProblems } = await readCatalog(
    root,
    values.metrics ?? [],
    values['metrics-url'] ?? [],
    fetchUrl,
  );
  const result = lintFiles(sources, { config, ...(catalog ? { catalog } : {}) });
  const diagnostics = sortDiagnostics([...metricProblems, ...result.diagnostics]);
  ctx.stdout(
    values.json
      ? jsonReport('lint', diagnostics, { files: result.files })
      : `${formatDiagnostics(diagnostics)}${summaryLine(diagnostics, result.files)}\n`,
  );
  return hasErrors(diagnostics) ? EXIT_FINDINGS : EXIT_OK;
};

async function readConfig(root: string, file: string | undefined): Promise<PanelcraftConfig> {
  let loaded;
  try {
    loaded = await loadConfig(root, file);
  } catch (err) {
    throw new UsageError(`cannot read config file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const { config, diagnostics } = loaded;
  // The same check as every other command (parseConfig through loadConfig), printed as a usage error here.
  const problems = diagnostics.map(
    (d) =>
      `${d.file}${d.line !== undefined ? `:${d.line}` : ''}${d.pointer ? ` ${d.pointer}` : ''}: ${d.message}${d.fix ? ` (${d.fix})` : ''}`,
  );
  if (problems.length > 0) throw new UsageError(`invalid config:\n  ${problems.join('\n  ')}`);
  return config;
}

async function readCatalog(
  root: string,
  files: readonly string[],
  urls: readonly string[],
  fetchUrl: (url: string) => Promise<string>,
): Promise<{ catalog?: MetricCatalog; diagnostics: Diagnostic[] }> {
  if (files.length === 0 && urls.length === 0) return { diagnostics: [] };
  const texts: Array<{ source: string; text: string }> = [];
  try {
    for (const file of files) texts.push({ source: file, text: await readMetricsFile(root, file) });
    for (const url of urls) texts.push({ source: url, text: await fetchUrl(url) });
  } catch (err) {
    if (err instanceof MetricsSourceError) throw new UsageError(err.message);
    throw err;
  }
  const diagnostics: Diagnostic[] = [];
  const catalogs = texts.map(({ source, text }) => {
    const { catalog, problems } = parseExposition(text, source);
    if (
      catalog.metrics.size <= SCRAPE_SERIES.length &&
      [...catalog.metrics.keys()].every((k) => SCRAPE_SERIES.includes(k))
    ) {
      throw new UsageError(
        `${redactSecrets(source)} holds no metrics; pass a saved /metrics exposition (Prometheus text format)`,
      );
    }
    for (const p of problems) {
      diagnostics.push({
        rule: 'metrics-exposition',
        severity: 'warning',
        file: source,
        pointer: '',
        message: `line ${p.line}: ${p.message}; the line was skipped`,
        fix: 'save the exposition as served (`curl -s http://host:port/metrics > metrics.txt`)',
      });
    }
    return catalog;
  });
  return { catalog: mergeCatalogs(catalogs), diagnostics };
}
