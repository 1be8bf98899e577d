import type { Expr } from '../promql/ast.ts';

/**
 * `compute` remembered per parsed expression. The engine parses each distinct query once per dashboard (once per run
 * for a query two dashboards hold) and hands every target of it the same tree (a dashboard of the bench repeats each
 * query 4 times, presets repeat more), so what a rule derives from the tree alone is derived once per tree. `compute`
 * must depend on the tree only; callers must not change what it returns.
 */
export function perTree<T>(compute: (ast: Expr) => T): (ast: Expr) => T {
  const known = new WeakMap<Expr, T>();
  return (ast) => {
    if (known.has(ast)) return known.get(ast) as T;
    const value = compute(ast);
    known.set(ast, value);
    return value;
  };
}
