import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { unquote } from './unquote.ts';

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly label: string;
  readonly op: MatchOperator;
  /** Unquoted value. */
  readonly value: string;
}

/** One vector selector; `from`/`to` are offsets in the text given to `extractSelectors`. */
export interface VectorSelector {
  /** The metric name, from `name{…}` or from a `__name__="…"` matcher. */
  readonly metric?: string;
  /** Every matcher written in braces (a `__name__` matcher included). */
  readonly matchers: LabelMatcher[];
  readonly from: number;
  readonly to: number;
}

/**
 * Every vector selector of an expression, in text order, found with @prometheus-io/lezer-promql.
 * Expand Grafana macros first (`expandMacros`). Returns `[]` for text the grammar cannot parse.
 */
export function extractSelectors(expr: string): VectorSelector[] {
  const tree = parser.parse(expr);
  let broken = false;
  const nodes: SyntaxNode[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) broken = true;
      if (ref.name === 'VectorSelector') nodes.push(ref.node);
    },
  });
  if (broken) return [];
  const out: VectorSelector[] = [];
  for (const node of nodes) {
    const selector = readSelector(expr, node);
    if (selector === undefined) return [];
    out.push(selector);
  }
  return out;
}

function readSelector(text: string, node: SyntaxNode): VectorSelector | undefined {
  const slice = (n: SyntaxNode) => text.slice(n.from, n.to);
  const ident = node.getChild('Identifier');
  const matchers: LabelMatcher[] = [];
  const braces = node.getChild('LabelMatchers');
  for (let m = braces?.firstChild ?? null; m !== null; m = m.nextSibling) {
    if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue;
    const labelNode = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
    const opNode = m.getChild('MatchOp');
    const valueNode = m.getChild('StringLiteral');
    if (!labelNode || !opNode || !valueNode) return undefined;
    const label = labelNode.name === 'LabelName' ? slice(labelNode) : unquote(slice(labelNode));
    const value = unquote(slice(valueNode));
    const op = slice(opNode);
    if (label === undefined || value === undefined || !isMatchOperator(op)) return undefined;
    matchers.push({ label, op, value });
  }
  const named = matchers.find((m) => m.label === '__name__' && m.op === '=');
  const metric = ident ? slice(ident) : named?.value;
  return { ...(metric !== undefined ? { metric } : {}), matchers, from: node.from, to: node.to };
}

function isMatchOperator(op: string): op is MatchOperator {
  return op === '=' || op === '!=' || op === '=~' || op === '!~';
}
