import { parsePromql, type ParseOptions, type PromqlProblem } from './parser.ts';
import { typeCheck } from './type-check.ts';

export type { PromqlProblem } from './parser.ts';

/**
 * The verdict Prometheus's own parser gives for `options.version` (2.x as `promtool check rules` 2.42, 3.x as
 * Prometheus 3): `[]` when it accepts the expression, else the problems with their offsets in `expr`. Expand Grafana macros and
 * variables first (`expandMacros`). Never throws.
 */
export function checkPromql(expr: string, options: ParseOptions = {}): PromqlProblem[] {
  try {
    const parsed = parsePromql(expr, options);
    if (parsed.problems.length > 0 || parsed.expr === undefined) return parsed.problems;
    return typeCheck(parsed.expr);
  } catch (err) {
    return [
      {
        message: `internal error while checking: ${err instanceof Error ? err.message : String(err)}`,
        from: 0,
        to: expr.length,
      },
    ];
  }
}
