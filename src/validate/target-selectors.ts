import type { JsonObject } from '../model/json.ts';
import { walk, type Expr } from '../promql/ast.ts';
import type { VectorSelector } from '../promql/selectors.ts';
import { unquote } from '../promql/unquote.ts';
import { originalExcerpt, prometheusTargets, type PrometheusTarget } from './prometheus-targets.ts';

/** One PromQL target of a panel with the vector selectors in its expression. */
export interface TargetSelectors {
  readonly pointer: string;
  readonly refId: string | undefined;
  readonly expr: string;
  readonly selectors: VectorSelector[];
}

/**
 * The selectors of every Prometheus target (`expr`) of every panel, from the tree the PromQL rules already parsed
 * (see prometheus-targets.ts), so a query is not parsed again for them. Matcher values are read back from the
 * original text, so they keep their `$job` text. An expression that does not parse gives no selectors
 * (promql-syntax reports it).
 */
export function targetSelectors(
  dashboard: JsonObject,
  targets: readonly PrometheusTarget[] = prometheusTargets(dashboard),
): TargetSelectors[] {
  return targets.map((target) => ({
    pointer: target.pointer,
    refId: target.refId,
    expr: target.expr,
    selectors: target.ast === undefined ? [] : rememberedSelectorsOf(target, target.ast),
  }));
}

/**
 * Selectors per parsed query: every target of one query shares its tree and expansion (prometheus-targets.ts), and
 * its selectors depend on them and the text alone (the bench repeats each query 4 times per dashboard). Shared
 * between those targets; read-only to the rules.
 */
const selectorsByTree = new WeakMap<Expr, { expr: string; expansion: object; selectors: VectorSelector[] }>();

function rememberedSelectorsOf(target: PrometheusTarget, ast: Expr): VectorSelector[] {
  const known = selectorsByTree.get(ast);
  if (known !== undefined && known.expr === target.expr && known.expansion === target.expansion) return known.selectors;
  const selectors = selectorsOf(target, ast);
  selectorsByTree.set(ast, { expr: target.expr, expansion: target.expansion, selectors });
  return selectors;
}

function selectorsOf(target: PrometheusTarget, ast: Expr): VectorSelector[] {
  const out: VectorSelector[] = [];
  walk(ast, (node) => {
    if (node.type !== 'VectorSelector') return;
    const matchers = node.matchers.map((m) => {
      const written = originalExcerpt(target, m.valueFrom, m.valueTo);
      return { label: m.label, op: m.op, value: unquote(written) ?? written.slice(1, -1) };
    });
    const metric = node.name ?? matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;
    out.push({ ...(metric !== undefined ? { metric } : {}), matchers, from: node.from, to: node.to });
  });
  return out;
}
