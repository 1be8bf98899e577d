import { arrayAt, isJsonObject, numberAt, objectAt, stringAt, type JsonObject } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { isQueryPanel, walkPanels } from '../validate/panels.ts';
import { interpolate } from './interpolate.ts';
import { sampleCount, type PrometheusApi } from './prometheus-api.ts';
import { builtIns, queryTiming } from './query-timing.ts';
import { resolveVariables } from './resolve-variables.ts';
import { isPrometheusTarget } from './target-datasource.ts';
import { panelTimeRange, resolveTimeRange, type TimeRange } from './time-range.ts';
import type { VariableValue } from './variable-value.ts';

/** A built dashboard to verify: the file it was read from (posix, relative to the root) and its JSON. */
export interface DashboardFile {
  readonly file: string;
  readonly dashboard: JsonObject;
}

export interface VerifyOptions {
  /** Evaluation time, epoch ms: `now` of the dashboards' relative time ranges. */
  readonly now: number;
  /** The datasource's scrape interval (Grafana's `timeInterval`), ms: drives `$__rate_interval`. */
  readonly scrapeIntervalMs: number;
  readonly overrides: ReadonlyMap<string, readonly string[]>;
  /** uid the `datasource` variable stands for. @default "prometheus" */
  readonly datasourceUid?: string;
  /** A panel where only some queries are empty is an error, not a warning. */
  readonly strict: boolean;
  /** Called after each panel: done of total query panels. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Panels evaluated at once. @default 4 */
  readonly concurrency?: number;
}

export type TargetStatus = 'data' | 'empty' | 'error';

export interface TargetResult {
  readonly refId: string;
  readonly expr: string;
  /** The PromQL sent to Prometheus, variables and macros expanded. */
  readonly evaluated: string;
  readonly kind: 'range' | 'instant';
  readonly pointer: string;
  readonly status: TargetStatus;
  readonly samples: number;
  readonly error?: string;
}

export type PanelStatus = 'ok' | 'no-data' | 'partial' | 'error';

export interface PanelResult {
  readonly file: string;
  readonly dashboard: string;
  readonly panel: string;
  readonly panelId?: number;
  readonly pointer: string;
  readonly status: PanelStatus;
  readonly targets: readonly TargetResult[];
}

export interface VerifyResult {
  readonly panels: readonly PanelResult[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Width Grafana would give a 24-column panel on a 1920 px screen: the default for `maxDataPoints`. */
const FULL_WIDTH_PX = 1900;
/** Grafana's default dashboard time range. */
const DEFAULT_TIME = { from: 'now-6h', to: 'now' };

interface PanelJob {
  readonly file: string;
  readonly dashboard: JsonObject;
  readonly title: string;
  readonly range: TimeRange;
  readonly variables: ReadonlyMap<string, VariableValue>;
  readonly panel: JsonObject;
  readonly pointer: string;
}

/**
 * Runs every Prometheus target of every query panel over the dashboard's default time range, with Grafana's
 * variables and macros expanded, and reports panels without data or with failing queries.
 */
export async function verifyDashboards(
  files: readonly DashboardFile[],
  api: PrometheusApi,
  opts: VerifyOptions,
): Promise<VerifyResult> {
  const diagnostics: Diagnostic[] = [];
  const jobs: PanelJob[] = [];
  for (const { file, dashboard } of files) {
    const title = stringAt(dashboard, 'title') ?? file;
    const time = objectAt(dashboard, 'time');
    const raw = {
      from: (time && stringAt(time, 'from')) ?? DEFAULT_TIME.from,
      to: (time && stringAt(time, 'to')) ?? DEFAULT_TIME.to,
    };
    let range = resolveTimeRange(raw, opts.now);
    if (typeof range === 'string') {
      diagnostics.push({
        rule: 'verify-time-range',
        severity: 'error',
        file,
        pointer: '/time',
        message: `dashboard "${title}": ${range}`,
        fix: 'set time.from/time.to to Grafana times such as "now-1h" and "now"',
      });
      range = resolveTimeRange(DEFAULT_TIME, opts.now) as TimeRange;
    }
    const dashBuiltIns = builtIns(range, undefined, dashboardIds(dashboard));
    const resolved = await resolveVariables(dashboard, api, {
      range,
      builtIns: dashBuiltIns,
      overrides: opts.overrides,
      datasourceUid: opts.datasourceUid ?? 'prometheus',
    });
    for (const p of resolved.problems) {
      diagnostics.push({
        rule: p.rule ?? 'verify-variable',
        severity: p.severity ?? 'warning',
        file,
        pointer: p.pointer,
        message: `dashboard "${title}": ${p.message}`,
        fix: `check the variable's query, or pick a value that exists with --var ${p.variable}=VALUE`,
      });
    }
    for (const ref of walkPanels(dashboard)) {
      if (!isQueryPanel(ref.panel) || ref.panel.type === 'row') continue;
      jobs.push({ file, dashboard, title, range, variables: resolved.values, panel: ref.panel, pointer: ref.pointer });
    }
  }

  const results: Array<PanelResult | undefined> = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await verifyPanel(jobs[i]!, api, opts);
      done++;
      opts.onProgress?.(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));

  const panels = results.filter((r): r is PanelResult => r !== undefined && r.targets.length > 0);
  for (const r of panels) diagnostics.push(...panelDiagnostics(r, opts.strict));
  return { panels, diagnostics };
}

async function verifyPanel(job: PanelJob, api: PrometheusApi, opts: VerifyOptions): Promise<PanelResult> {
  const { panel } = job;
  const ids = dashboardIds(job.dashboard);
  const expand0 = (text: string | undefined) =>
    text === undefined ? undefined : interpolate(text, job.variables, builtIns(job.range, undefined, ids));
  const range = panelTimeRange(
    job.range,
    expand0(stringAt(panel, 'timeFrom')),
    expand0(stringAt(panel, 'timeShift')),
    opts.now,
  );
  const gridPos = objectAt(panel, 'gridPos');
  const width = (gridPos && numberAt(gridPos, 'w')) ?? 12;
  const maxDataPoints = numberAt(panel, 'maxDataPoints') ?? Math.max(1, Math.round((width / 24) * FULL_WIDTH_PX));
  const panelInterval = expand0(stringAt(panel, 'interval'));

  const targets: TargetResult[] = [];
  for (const [i, t] of arrayAt(panel, 'targets').entries()) {
    if (!isJsonObject(t) || t.hide === true || !isPrometheusTarget(panel, t)) continue;
    const expr = stringAt(t, 'expr');
    if (expr === undefined || expr.trim() === '') continue;
    const refId = stringAt(t, 'refId') ?? String.fromCharCode(65 + i);
    const timing = queryTiming({
      range,
      maxDataPoints,
      scrapeIntervalMs: opts.scrapeIntervalMs,
      ...(panelInterval !== undefined ? { panelInterval } : {}),
      ...(stringAt(t, 'interval') !== undefined ? { targetInterval: expand0(stringAt(t, 'interval'))! } : {}),
      ...(numberAt(t, 'intervalFactor') !== undefined ? { intervalFactor: numberAt(t, 'intervalFactor')! } : {}),
    });
    const evaluated = interpolate(expr, job.variables, builtIns(range, timing, ids));
    const instant = t.instant === true && t.range !== true;
    const result = instant
      ? await api.query(evaluated, range.to)
      : await api.queryRange(evaluated, timing.start, timing.end, timing.stepMs);
    const samples = sampleCount(result);
    const base = {
      refId,
      expr,
      evaluated,
      kind: instant ? ('instant' as const) : ('range' as const),
      pointer: `${job.pointer}${pointer('targets', i)}`,
      samples,
    };
    targets.push(
      result.ok
        ? { ...base, status: samples > 0 ? 'data' : 'empty' }
        : { ...base, status: 'error', error: result.error },
    );
  }
  const status: PanelStatus = targets.some((t) => t.status === 'error')
    ? 'error'
    : targets.every((t) => t.status === 'empty')
      ? 'no-data'
      : targets.some((t) => t.status === 'empty')
        ? 'partial'
        : 'ok';
  const panelId = numberAt(panel, 'id');
  return {
    file: job.file,
    dashboard: job.title,
    panel: stringAt(panel, 'title') || `(untitled ${String(panel.type ?? 'panel')})`,
    ...(panelId !== undefined ? { panelId } : {}),
    pointer: job.pointer,
    status,
    targets,
  };
}

function dashboardIds(dashboard: JsonObject): { uid?: string; title?: string } {
  const uid = stringAt(dashboard, 'uid');
  const title = stringAt(dashboard, 'title');
  return { ...(uid !== undefined ? { uid } : {}), ...(title !== undefined ? { title } : {}) };
}

function describe(t: TargetResult): string {
  const evaluated = t.evaluated !== t.expr ? ` (evaluated as: ${t.evaluated})` : '';
  return `query ${t.refId} \`${t.expr}\`${evaluated}`;
}

function panelDiagnostics(r: PanelResult, strict: boolean): Diagnostic[] {
  const where = { file: r.file, panel: r.panel };
  const out: Diagnostic[] = [];
  for (const t of r.targets) {
    if (t.status !== 'error') continue;
    out.push({
      rule: 'verify-query-error',
      severity: 'error',
      ...where,
      pointer: t.pointer,
      message: `dashboard "${r.dashboard}", panel "${r.panel}": ${describe(t)} failed: ${t.error ?? 'unknown error'}`,
      fix: 'fix the PromQL in the query builder that made this target (src/queries); `panelcraft lint` checks the syntax',
    });
  }
  if (r.status === 'no-data') {
    out.push({
      rule: 'verify-no-data',
      severity: 'error',
      ...where,
      pointer: r.pointer,
      message: `dashboard "${r.dashboard}", panel "${r.panel}" has no data: ${r.targets.map(describe).join('; ')} returned nothing`,
      fix: "check the metric and label names against what the service exposes (pick the matching convention: clientGolang(), otel(), gin() or custom({...})), the variables' values (--var name=value), and that the service was scraped within the dashboard's time range",
    });
  } else if (r.status === 'partial') {
    for (const t of r.targets.filter((x) => x.status === 'empty')) {
      out.push({
        rule: 'verify-partial-data',
        severity: strict ? 'error' : 'warning',
        ...where,
        pointer: t.pointer,
        message: `dashboard "${r.dashboard}", panel "${r.panel}": ${describe(t)} returned no data while other queries of the panel did`,
        fix: 'expected for comparisons reaching back before the data starts; otherwise check the metric and label names of this query',
      });
    }
  }
  return out;
}
