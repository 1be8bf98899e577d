import type { MatchOperator } from './selectors.ts';

/** Positions are offsets into the parsed text. */
interface Span {
  readonly from: number;
  readonly to: number;
}

export interface AstMatcher {
  readonly label: string;
  readonly op: MatchOperator;
  readonly value: string;
  /** Span of the quoted value in the parsed text. */
  readonly valueFrom: number;
  readonly valueTo: number;
}

/** `offset` and `@` as written after a selector or subquery. */
export interface Modifiers {
  offsetMs?: number;
  at?: number | 'start' | 'end';
}

export interface NumberLiteral extends Span {
  readonly type: 'NumberLiteral';
  readonly value: number;
}
export interface StringLiteral extends Span {
  readonly type: 'StringLiteral';
  readonly value: string;
}
export interface VectorSelectorNode extends Span, Modifiers {
  readonly type: 'VectorSelector';
  readonly name?: string;
  readonly matchers: readonly AstMatcher[];
}
export interface MatrixSelector extends Span {
  readonly type: 'MatrixSelector';
  readonly vector: Expr;
  readonly rangeMs: number;
}
export interface SubqueryExpr extends Span, Modifiers {
  readonly type: 'SubqueryExpr';
  readonly expr: Expr;
  readonly rangeMs: number;
  readonly stepMs?: number;
}
export interface Call extends Span {
  readonly type: 'Call';
  readonly func: string;
  readonly args: readonly Expr[];
}
export interface AggregateExpr extends Span {
  readonly type: 'AggregateExpr';
  readonly op: string;
  readonly args: readonly Expr[];
  /** `by (…)` or `without (…)`, when written. */
  readonly grouping?: { readonly without: boolean; readonly labels: readonly string[] };
}
export interface VectorMatching {
  readonly on: boolean;
  readonly labels: readonly string[];
  readonly card: 'one-to-one' | 'many-to-one' | 'one-to-many';
  readonly include: readonly string[];
}
export interface BinaryExpr extends Span {
  readonly type: 'BinaryExpr';
  readonly op: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly bool: boolean;
  readonly matching?: VectorMatching;
  /** Where the operator is, for messages. */
  readonly opFrom: number;
}
export interface UnaryExpr extends Span {
  readonly type: 'UnaryExpr';
  readonly op: '+' | '-';
  readonly expr: Expr;
}
export interface ParenExpr extends Span {
  readonly type: 'ParenExpr';
  readonly expr: Expr;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelectorNode
  | MatrixSelector
  | SubqueryExpr
  | Call
  | AggregateExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr;

/** Direct children of a node, in text order. */
export function children(node: Expr): Expr[] {
  switch (node.type) {
    case 'MatrixSelector':
      return [node.vector];
    case 'SubqueryExpr':
    case 'UnaryExpr':
    case 'ParenExpr':
      return [node.expr];
    case 'Call':
    case 'AggregateExpr':
      return [...node.args];
    case 'BinaryExpr':
      return [node.lhs, node.rhs];
    default:
      return [];
  }
}

/** Every node, depth first, parents before children. */
export function walk(node: Expr, visit: (node: Expr, parents: readonly Expr[]) => void, parents: Expr[] = []): void {
  visit(node, parents);
  parents.push(node);
  for (const child of children(node)) walk(child, visit, parents);
  parents.pop();
}
