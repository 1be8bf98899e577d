/** Comparison operators an alert condition uses. */
export type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

/**
 * A number as PromQL literal text: rounded to 12 significant digits, so `14.4 * (1 - 0.999)` reads `0.0144` and not
 * `0.014400000000000001`. Throws (a programmer error) for NaN and infinities, which no threshold should be.
 */
export function promqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`promqlNumber(): ${value} is not a finite number`);
  return String(Number(value.toPrecision(12)));
}

/**
 * `expr > 0.005`: a filtering comparison, so the alert fires with `expr`'s value and labels. `expr` is parenthesized
 * unless it is one selector or one call, since `>` binds tighter than `/`'s neighbours `or`, `and`, `unless`.
 */
export function compare(expr: string, op: Comparison, value: number): string {
  return `${isAtom(expr) ? expr : `(${expr})`} ${op} ${promqlNumber(value)}`;
}

const SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^{}"]*("([^"\\]|\\.)*"[^{}"]*)*\})?$/;

/** One vector selector, or one function call whose parentheses close at the very end. */
function isAtom(expr: string): boolean {
  if (SELECTOR.test(expr)) return true;
  const open = /^[a-zA-Z_][a-zA-Z0-9_]*\(/.exec(expr);
  if (open === null) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === "'" || c === '`') {
      const quote = c;
      for (i++; i < expr.length && expr[i] !== quote; i++) if (expr[i] === '\\' && quote !== '`') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === expr.length - 1;
  }
  return false;
}

/** `(a) and (b)`: both conditions, matched on identical label sets. */
export function both(a: string, b: string): string {
  return `(${a}) and (${b})`;
}
