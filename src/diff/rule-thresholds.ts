import { walk, type Expr } from '../promql/ast.ts';
import { parsePromql } from '../promql/parser.ts';

const COMPARISONS = new Set(['>', '<', '>=', '<=', '==', '!=']);

/**
 * The thresholds of an alert expression: every distinct comparison against a number literal, as `> 0.005` (the number on the
 * right, flipped when it was written on the left). A reviewer sees `> 0.005 → > 0.01` instead of hunting through the
 * PromQL. Empty when the expression does not parse or compares no literal.
 */
export function ruleThresholds(expr: string): string[] {
  const parsed = parsePromql(expr);
  if (parsed.expr === undefined) return [];
  const out: string[] = [];
  walk(parsed.expr, (node) => {
    if (node.type !== 'BinaryExpr' || !COMPARISONS.has(node.op)) return;
    const right = literal(node.rhs);
    const left = literal(node.lhs);
    const bool = node.bool ? 'bool ' : '';
    if (right !== undefined && left === undefined) out.push(`${node.op} ${bool}${right}`);
    else if (left !== undefined && right === undefined) out.push(`${FLIP[node.op] ?? node.op} ${bool}${left}`);
  });
  // Multiwindow burn-rate alerts compare both windows against the same number: list it once.
  return [...new Set(out)];
}

const FLIP: Readonly<Record<string, string>> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };

function literal(node: Expr): string | undefined {
  if (node.type === 'ParenExpr') return literal(node.expr);
  if (node.type === 'NumberLiteral') return String(node.value);
  if (node.type === 'UnaryExpr' && node.expr.type === 'NumberLiteral')
    return String(node.op === '-' ? -node.expr.value : node.expr.value);
  return undefined;
}
