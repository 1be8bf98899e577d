import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { arrayAt, isJsonObject, stringAt, type JsonObject } from '../../src/model/json.ts';
import { walkPanels } from '../../src/validate/panels.ts';
import { extractSelectors } from '../../src/promql/selectors.ts';

/** A PromQL expression found in a dashboard file. */
export interface FoundQuery {
  readonly file: string;
  readonly pointer: string;
  readonly expr: string;
}

export interface DashboardMetrics {
  /** Dashboard JSON files read (relative to the root given). */
  readonly files: string[];
  /** Metric name → where it is read. */
  readonly metrics: Map<string, FoundQuery[]>;
  /** Expressions the PromQL grammar rejected even after Grafana variables were replaced. */
  readonly unparsed: FoundQuery[];
}

/** Every metric name read by the dashboards under `dir` (panel targets, rows' panels and query variables). */
export function dashboardMetrics(root: string, dir: string): DashboardMetrics {
  const files = jsonFiles(join(root, dir)).sort();
  const metrics = new Map<string, FoundQuery[]>();
  const unparsed: FoundQuery[] = [];
  for (const path of files) {
    const file = relative(root, path);
    const dashboard: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isJsonObject(dashboard)) continue;
    for (const query of queriesOf(dashboard, file)) {
      const text = withoutGrafanaVariables(query.expr);
      if (isBroken(text)) {
        unparsed.push(query);
        continue;
      }
      for (const selector of extractSelectors(text)) {
        if (selector.metric === undefined) continue;
        metrics.set(selector.metric, [...(metrics.get(selector.metric) ?? []), query]);
      }
    }
  }
  return { files: files.map((f) => relative(root, f)), metrics, unparsed };
}

function jsonFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

function queriesOf(dashboard: JsonObject, file: string): FoundQuery[] {
  const out: FoundQuery[] = [];
  for (const { panel, pointer } of walkPanels(dashboard)) {
    arrayAt(panel, 'targets').forEach((target, i) => {
      const expr = isJsonObject(target) ? stringAt(target, 'expr') : undefined;
      if (expr !== undefined && expr.trim() !== '') out.push({ file, pointer: `${pointer}/targets/${i}/expr`, expr });
    });
  }
  const templating = dashboard.templating;
  const variables = isJsonObject(templating) ? arrayAt(templating, 'list') : [];
  variables.forEach((variable, i) => {
    if (!isJsonObject(variable) || variable.type !== 'query') return;
    const raw = variable.query;
    const text = typeof raw === 'string' ? raw : isJsonObject(raw) ? stringAt(raw, 'query') : undefined;
    const expr = text === undefined ? undefined : variableExpr(text.trim());
    if (expr !== undefined) out.push({ file, pointer: `/templating/list/${i}/query`, expr });
  });
  return out;
}

/** The PromQL inside a Prometheus query variable: `label_values(<selector>, label)` or `query_result(<expr>)`. */
function variableExpr(query: string): string | undefined {
  const labelValues = /^label_values\((.+),\s*[\w.]+\s*\)$/s.exec(query);
  if (labelValues?.[1] !== undefined) return labelValues[1];
  const result = /^query_result\((.+)\)$/s.exec(query);
  return result?.[1];
}

/** Replaces `$var`, `${var…}` and `[[var]]` by `1m`, which parses wherever Grafana allows a variable. */
function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$\{[^}]*\}|\$\w+|\[\[\w+\]\]/g, '1m');
}

function isBroken(expr: string): boolean {
  let broken = false;
  parser.parse(expr).iterate({
    enter(ref) {
      if (ref.type.isError) broken = true;
    },
  });
  return broken;
}
