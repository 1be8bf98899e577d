import { arrayAt, isJsonObject, stringAt, type JsonObject } from '../build/json.ts';
import { extractSelectors, type VectorSelector } from '../promql/selectors.ts';
import { walkPanels } from './panels.ts';

/** One PromQL target of a panel with the vector selectors in its expression. */
export interface TargetSelectors {
  readonly pointer: string;
  readonly refId: string | undefined;
  readonly expr: string;
  readonly selectors: VectorSelector[];
}

/**
 * The selectors of every Prometheus target (`expr`) of every panel. Variables outside string literals are replaced
 * by parseable stand-ins first (`[$__rate_interval]` → `[1m]`, `> $threshold` → `> 1`); matcher values keep their
 * `$job` text. An expression that still does not parse gives no selectors (promql-syntax reports it).
 */
export function targetSelectors(dashboard: JsonObject): TargetSelectors[] {
  const out: TargetSelectors[] = [];
  for (const { panel, pointer } of walkPanels(dashboard)) {
    arrayAt(panel, 'targets').forEach((t, i) => {
      if (!isJsonObject(t) || !isPrometheusTarget(t, panel)) return;
      const expr = stringAt(t, 'expr');
      if (expr === undefined || expr.trim() === '') return;
      out.push({ pointer: `${pointer}/targets/${i}/expr`, refId: stringAt(t, 'refId'), expr, selectors: extractSelectors(standInVariables(expr)) });
    });
  }
  return out;
}

function isPrometheusTarget(target: JsonObject, panel: JsonObject): boolean {
  const ds = isJsonObject(target.datasource) ? target.datasource : isJsonObject(panel.datasource) ? panel.datasource : undefined;
  const type = ds ? stringAt(ds, 'type') : undefined;
  return type === undefined || type === 'prometheus';
}

/** Replaces `$var`, `${var}`, `[[var]]` outside quotes: a duration inside `[…]` or after `offset`, else the number 1. */
export function standInVariables(expr: string): string {
  let out = '';
  let quote: string | undefined;
  let bracket = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote !== undefined) {
      out += c;
      if (c === '\\' && quote !== '`') out += expr[++i] ?? '';
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    if (c === '[') bracket++;
    if (c === ']') bracket = Math.max(0, bracket - 1);
    const ref = /^(?:\$\{\w+(?::[^}]*)?\}|\[\[\w+(?::\w+)?\]\]|\$\w+)/.exec(expr.slice(i));
    if ((c === '$' || (c === '[' && expr[i + 1] === '[')) && ref) {
      const duration = bracket > 0 || /offset\s*$/i.test(out);
      if (c === '[') bracket--;
      out += duration ? '1m' : '1';
      i += ref[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}
