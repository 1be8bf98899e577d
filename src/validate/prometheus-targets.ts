import { arrayAt, isJsonObject, stringAt, type JsonObject, type JsonValue } from '../build/json.ts';
import { pointer } from '../build/json-pointer.ts';
import type { Expr } from '../promql/ast.ts';
import { expandMacros, toOriginalOffset, type Expansion } from '../promql/expand-macros.ts';
import { parsePromql } from '../promql/parser.ts';
import { isQueryPanel, walkPanels } from './panels.ts';

/** One Prometheus query of a dashboard, expanded and parsed once for every PromQL rule. */
export interface PrometheusTarget {
  /** The original `expr`, as written. */
  readonly expr: string;
  /** Pointer to the target's `expr`. */
  readonly pointer: string;
  readonly expansion: Expansion;
  /** The tree of the expanded text, when it parses. */
  readonly ast?: Expr;
}

/** Every non-empty `expr` of every query panel whose datasource is (or may be) Prometheus. */
export function prometheusTargets(dashboard: JsonObject): PrometheusTarget[] {
  const out: PrometheusTarget[] = [];
  for (const { panel, pointer: panelPtr } of walkPanels(dashboard)) {
    if (!isQueryPanel(panel)) continue;
    const panelIsProm = isPrometheus(panel.datasource);
    arrayAt(panel, 'targets').forEach((target, j) => {
      if (!isJsonObject(target)) return;
      const expr = stringAt(target, 'expr');
      if (expr === undefined || expr.trim() === '') return;
      const own = target.datasource;
      if (!(own === undefined || own === null ? panelIsProm : isPrometheus(own))) return;
      const expansion = expandMacros(expr);
      const parsed = parsePromql(expansion.text);
      out.push({
        expr,
        pointer: `${panelPtr}${pointer('targets', j, 'expr')}`,
        expansion,
        ...(parsed.expr !== undefined && parsed.problems.length === 0 ? { ast: parsed.expr } : {}),
      });
    });
  }
  return out;
}

/** No datasource, a Prometheus one, or a variable (`${datasource}`, `${DS_PROM}`) counts as Prometheus. */
function isPrometheus(ds: JsonValue | undefined): boolean {
  if (ds === undefined || ds === null) return true;
  if (typeof ds === 'string') return ds.startsWith('$') || /prom/i.test(ds) || ds === 'default';
  if (!isJsonObject(ds)) return true;
  const type = stringAt(ds, 'type');
  if (type === undefined || type.startsWith('$')) return true;
  return type === 'prometheus';
}

/** The original text behind `[from, to)` of the expanded text. */
export function originalExcerpt(target: PrometheusTarget, from: number, to: number): string {
  return target.expr.slice(toOriginalOffset(target.expansion, from), toOriginalOffset(target.expansion, to));
}
