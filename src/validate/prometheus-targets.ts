import { arrayAt, isJsonObject, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';
import type { Expr } from '../promql/ast.ts';
import { expandMacros, toOriginalOffset, type Expansion } from '../promql/expand-macros.ts';
import { parsePromql, type PromqlProblem } from '../promql/parser.ts';
import { typeCheck } from '../promql/type-check.ts';
import { DEFAULT_PROMETHEUS, type PrometheusVersion } from '../model/prometheus-version.ts';
import { isQueryPanel, type PanelRef, walkPanels } from './panels.ts';

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
export function prometheusTargets(
  dashboard: JsonObject,
  version: PrometheusVersion = DEFAULT_PROMETHEUS,
  /** Analyses shared with the other documents of a run. */
  shared?: SharedAnalyses,
  /** `walkPanels(dashboard)`, when the caller has it. */
  panels: readonly PanelRef[] = walkPanels(dashboard),
): PrometheusTarget[] {
  const out: PrometheusTarget[] = [];
  const known = new Map<string, Analysis>();
  for (const { panel, pointer: panelPtr } of panels) {
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
        ...analyse(expr, version, known, shared),
      });
    });
  }
  return out;
}

/** What one expression gives: its expansion, tree and verdict. */
export type Analysis = Pick<PrometheusTarget, 'expansion' | 'ast' | 'problems'>;

/**
 * Expansion, tree and verdict of one expression, once per document (a dashboard repeats its queries across panels)
 * and once per run for an expression two documents hold (`shared`).
 */
function analyse(
  expr: string,
  version: PrometheusVersion,
  known: Map<string, Analysis>,
  shared: SharedAnalyses | undefined,
): Analysis {
  const seen = known.get(expr) ?? shared?.get(expr);
  if (seen) {
    known.set(expr, seen);
    return seen;
  }
  const expansion = expandMacros(expr);
  let parsed: ReturnType<typeof parsePromql> = { problems: [] };
  const parseProblems = checked(
    () => ((parsed = parsePromql(expansion.text, { version })), parsed.problems),
    expansion.text,
  );
  const ast = parsed.expr !== undefined && parseProblems.length === 0 ? parsed.expr : undefined;
  const result: Analysis = {
    expansion,
    ...(ast !== undefined ? { ast } : {}),
    problems: ast !== undefined ? checked(() => typeCheck(ast), expansion.text) : parseProblems,
  };
  known.set(expr, result);
  shared?.offer(expr, result);
  return result;
}

/**
 * The analyses the documents of one run share: those of expressions that two documents hold (dashboards built from
 * presets repeat queries). An expression one document alone holds keeps no analysis here: most dashboards' queries
 * name their own service, and a kept analysis lives on past its dashboard, which costs the garbage collector a copy
 * and a promotion of it (rendering 1 000 dashboards of 5 such queries each promoted 47 MB keeping all, 42 MB now).
 */
export class SharedAnalyses {
  private readonly kept = new Map<string, Analysis>();
  /** Expressions one document held so far; their text only. */
  private readonly seenOnce = new Set<string>();

  get(expr: string): Analysis | undefined {
    return this.kept.get(expr);
  }

  /** Called by each document for each expression it analysed itself. */
  offer(expr: string, analysis: Analysis): void {
    if (this.seenOnce.delete(expr)) {
      if (this.kept.size >= ANALYSES_KEPT) this.kept.clear();
      this.kept.set(expr, analysis);
    } else {
      if (this.seenOnce.size >= EXPRESSIONS_SEEN) this.seenOnce.clear();
      this.seenOnce.add(expr);
    }
  }
}

const ANALYSES_KEPT = 4096;
const EXPRESSIONS_SEEN = 16384;

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
