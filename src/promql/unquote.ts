/**
 * Unquotes a PromQL string literal the way Prometheus does (Go escapes; `'…'` and `"…"` interpret
 * escapes, backticks are raw). Returns `undefined` for a malformed literal instead of throwing.
 */
export function unquote(literal: string): string | undefined {
  if (literal.length < 2) return undefined;
  const quote = literal[0];
  if (quote !== literal[literal.length - 1]) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? undefined : body;
  if (quote !== '"' && quote !== "'") return undefined;
  // Most literals hold no escape: then the body is the value, unless it holds its quote or a newline.
  if (!body.includes('\\')) return body.includes(quote) || body.includes('\n') ? undefined : body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (e === quote) {
      out += e;
      continue;
    }
    const spec = NUMERIC_ESCAPES[e] ?? (e >= '0' && e <= '7' ? { len: 3, radix: 8, max: 255, start: 1 } : undefined);
    if (spec === undefined) return undefined;
    const digits = body.slice(i + 1 - spec.start, i + 1 - spec.start + spec.len);
    const valid = spec.radix === 8 ? /^[0-7]{3}$/ : new RegExp(`^[0-9a-fA-F]{${spec.len}}$`);
    if (!valid.test(digits)) return undefined;
    const code = parseInt(digits, spec.radix);
    if (code > spec.max || (code >= 0xd800 && code <= 0xdfff && spec.radix === 16 && spec.len > 2)) return undefined;
    out += String.fromCodePoint(code);
    i += spec.len - spec.start;
  }
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** `start` = how many of the digits the escape letter itself is (1 for octal, whose first digit is the letter). */
const NUMERIC_ESCAPES: Readonly<Record<string, { len: number; radix: number; max: number; start: number }>> = {
  x: { len: 2, radix: 16, max: 0xff, start: 0 },
  u: { len: 4, radix: 16, max: 0xffff, start: 0 },
  U: { len: 8, radix: 16, max: 0x10ffff, start: 0 },
};
