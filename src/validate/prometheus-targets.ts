import { arrayAt, isJsonObject, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';
import type { Expr } from '../promql/ast.ts';
import { expandMacros, toOriginalOffset, type Expansion } from '../promql/expand-macros.ts';
import { parsePromql, type PromqlProblem } from '../promql/parser.ts';
import { typeCheck } from '../promql/type-check.ts';
import { isQueryPanel, walkPanels } from './panels.ts';

/** One Prometheus query of a dashboard, expanded and parsed once for every PromQL rule. */
export interface PrometheusTarget {
  /** The original `expr`, as written. */
  readonly expr: string;
  /** Pointer to the target's `expr`. */
  readonly pointer: string;
  readonly refId?: string;
  readonly expansion: Expansion;
  /** The tree of the expanded text, when it parses. */
  readonly ast?: Expr;
  /** What Prometheus's parser says of the expanded text (`checkPromql`): syntax, then type problems. */
  readonly problems: readonly PromqlProblem[];
}

/** Every non-empty `expr` of every query panel whose datasource is (or may be) Prometheus. */
export function prometheusTargets(dashboard: JsonObject): PrometheusTarget[] {
  if (targetsCache.key === dashboard) return targetsCache.value;
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
      const refId = stringAt(target, 'refId');
      out.push({
        expr,
        pointer: `${panelPtr}${pointer('targets', j, 'expr')}`,
        ...(refId !== undefined ? { refId } : {}),
        ...analyse(expr),
      });
    });
  }
  targetsCache.key = dashboard;
  targetsCache.value = out;
  return out;
}

/** Five PromQL rules read the same dashboard; rules never modify a dashboard, and the engine runs every rule on one dashboard before the next, so remembering the last one parses each query once without keeping every tree of a 1 000-dashboard build alive. */
const targetsCache: { key?: JsonObject; value: PrometheusTarget[] } = { value: [] };

type Analysis = Pick<PrometheusTarget, 'expansion' | 'ast' | 'problems'>;

/**
 * Expansion, tree and verdict of one expression. Dashboards built from presets repeat the same queries (they
 * differ only in variable values), so analyses are shared by text, up to ANALYSES_KEPT expressions.
 */
function analyse(expr: string): Analysis {
  const known = analyses.get(expr);
  if (known) return known;
  const expansion = expandMacros(expr);
  let parsed: ReturnType<typeof parsePromql> = { problems: [] };
  const parseProblems = checked(() => ((parsed = parsePromql(expansion.text)), parsed.problems), expansion.text);
  const ast = parsed.expr !== undefined && parseProblems.length === 0 ? parsed.expr : undefined;
  const result: Analysis = {
    expansion,
    ...(ast !== undefined ? { ast } : {}),
    problems: ast !== undefined ? checked(() => typeCheck(ast), expansion.text) : parseProblems,
  };
  if (analyses.size >= ANALYSES_KEPT) analyses.clear();
  analyses.set(expr, result);
  return result;
}

const ANALYSES_KEPT = 4096;
const analyses = new Map<string, Analysis>();

/** checkPromql's contract: a crash in the checker is a problem at the whole expression, never an exception. */
function checked(run: () => PromqlProblem[], text: string): PromqlProblem[] {
  try {
    return run();
  } catch (err) {
    return [
      {
        message: `internal error while checking: ${err instanceof Error ? err.message : String(err)}`,
        from: 0,
        to: text.length,
      },
    ];
  }
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
