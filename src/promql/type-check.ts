import type { Expr } from './ast.ts';
import { ALL_FUNCTIONS } from './functions.ts';
import type { PromqlProblem } from './parser.ts';
import { checkRe2 } from './re2.ts';
import type { ValueType } from './value-type.ts';

const COMPARISON = new Set(['==', '!=', '<=', '<', '>=', '>']);
const SET_OPS = new Set(['and', 'or', 'unless']);

/** The value type of an expression, as Prometheus computes it. */
export function typeOf(expr: Expr): ValueType {
  switch (expr.type) {
    case 'NumberLiteral':
      return 'scalar';
    case 'StringLiteral':
      return 'string';
    case 'VectorSelector':
    case 'AggregateExpr':
      return 'instant vector';
    case 'MatrixSelector':
    case 'SubqueryExpr':
      return 'range vector';
    case 'Call':
      return ALL_FUNCTIONS.get(expr.func)?.returnType ?? 'instant vector';
    case 'BinaryExpr':
      return typeOf(expr.lhs) === 'scalar' && typeOf(expr.rhs) === 'scalar' ? 'scalar' : 'instant vector';
    case 'UnaryExpr':
    case 'ParenExpr':
      return typeOf(expr.expr);
  }
}

/** Prometheus's type rules (its parser's `checkAST`): argument types, arity, operator rules, selectors. */
export function typeCheck(root: Expr): PromqlProblem[] {
  const problems: PromqlProblem[] = [];
  const report = (node: { from: number; to: number }, message: string) =>
    problems.push({ message, from: node.from, to: node.to });
  const expect = (node: Expr, want: ValueType, context: string) => {
    const got = check(node);
    if (got !== want) report(node, `expected type ${want} in ${context}, got ${got}`);
  };
  const check = (node: Expr): ValueType => {
    switch (node.type) {
      case 'AggregateExpr': {
        const withParam = node.args.length === 2;
        const param = withParam ? node.args[0] : undefined;
        const inner = node.args[node.args.length - 1];
        if (inner !== undefined) expect(inner, 'instant vector', 'aggregation expression');
        if (param !== undefined && node.op === 'count_values') expect(param, 'string', 'aggregation parameter');
        else if (param !== undefined) expect(param, 'scalar', 'aggregation parameter');
        break;
      }
      case 'BinaryExpr': {
        const lt = check(node.lhs);
        const rt = check(node.rhs);
        const at = { from: node.opFrom, to: node.opFrom + node.op.length };
        const comparison = COMPARISON.has(node.op);
        const setOp = SET_OPS.has(node.op);
        if (node.bool && !comparison) report(at, 'bool modifier can only be used on comparison operators');
        if (comparison && !node.bool && lt === 'scalar' && rt === 'scalar')
          report(at, 'comparisons between scalars must use BOOL modifier');
        const m = node.matching;
        if (m?.on) {
          for (const l of m.labels)
            if (m.include.includes(l)) report(at, `label "${l}" must not occur in ON and GROUP clause at once`);
        }
        for (const t of [lt, rt]) {
          if (t !== 'scalar' && t !== 'instant vector')
            report(node, 'binary expression must contain only scalar and instant vector types');
        }
        if (lt !== 'instant vector' || rt !== 'instant vector') {
          if (m !== undefined && m.labels.length > 0)
            report(at, 'vector matching only allowed between instant vectors');
        } else if (setOp && m !== undefined && m.card !== 'one-to-one') {
          report(at, `no grouping allowed for "${node.op}" operation`);
        }
        if ((lt === 'scalar' || rt === 'scalar') && setOp)
          report(at, `set operator "${node.op}" not allowed in binary scalar expression`);
        break;
      }
      case 'Call': {
        const fn = ALL_FUNCTIONS.get(node.func);
        if (fn === undefined) break;
        const n = fn.argTypes.length;
        const got = node.args.length;
        const name = `"${fn.name}"`;
        if (fn.variadic === 0) {
          if (n !== got) report(node, `expected ${n} argument(s) in call to ${name}, got ${got}`);
        } else if (n - 1 > got) report(node, `expected at least ${n - 1} argument(s) in call to ${name}, got ${got}`);
        else if (fn.variadic > 0 && n - 1 + fn.variadic < got)
          report(node, `expected at most ${n - 1 + fn.variadic} argument(s) in call to ${name}, got ${got}`);
        node.args.forEach((arg, i) => {
          if (i >= n && fn.variadic === 0) return;
          const want = fn.argTypes[Math.min(i, n - 1)];
          if (want !== undefined) expect(arg, want, `call to function ${name}`);
        });
        break;
      }
      case 'ParenExpr':
        check(node.expr);
        break;
      case 'UnaryExpr': {
        const t = check(node.expr);
        if (t !== 'scalar' && t !== 'instant vector')
          report(node, `unary expression only allowed on expressions of type scalar or instant vector, got "${t}"`);
        break;
      }
      case 'SubqueryExpr': {
        const t = check(node.expr);
        if (t !== 'instant vector') report(node, `subquery is only allowed on instant vector, got ${t} instead`);
        break;
      }
      case 'MatrixSelector':
        check(node.vector);
        break;
      case 'VectorSelector': {
        if (node.name !== undefined) {
          const named = node.matchers.find((m) => m.label === '__name__');
          if (named) report(node, `metric name must not be set twice: "${node.name}" or "${named.value}"`);
          break;
        }
        if (!node.matchers.some((m) => !matchesEmpty(m.op, m.value)))
          report(node, 'vector selector must contain at least one non-empty matcher');
        break;
      }
      case 'NumberLiteral':
      case 'StringLiteral':
        break;
    }
    return typeOf(node);
  };
  check(root);
  return problems;
}

function matchesEmpty(op: string, value: string): boolean {
  switch (op) {
    case '=':
      return value === '';
    case '!=':
      return value !== '';
    case '=~':
      return checkRe2(value).matchesEmpty;
    default:
      return !checkRe2(value).matchesEmpty;
  }
}
