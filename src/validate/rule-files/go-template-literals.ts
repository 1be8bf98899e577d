/**
 * The literal checks Go's text/template parser makes through strconv: quoted strings and character constants must
 * unquote (`strconv.Unquote`, `strconv.UnquoteChar`), numbers must be Go integer, float or imaginary literals that
 * fit (`NumberNode` in text/template/parse/node.go). Each returns the problem, or `undefined` when Go accepts it.
 */

const D = '\\d(?:_?\\d)*';
const H = '[0-9a-fA-F](?:_?[0-9a-fA-F])*';
const INT = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?\d)*)$/;
const DEC_FLOAT = new RegExp(`^[+-]?(?:${D}\\.?(?:${D})?|\\.${D})(?:[eE][+-]?${D})?$`);
const HEX_FLOAT = new RegExp(`^[+-]?0[xX]_?(?:${H}\\.?(?:${H})?|\\.${H})[pP][+-]?${D}$`);
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN = -(1n << 63n);

/** Go's strconv.Unquote on a `"…"` or `` `…` `` token. */
export function stringProblem(token: string): string | undefined {
  if (token.startsWith('`')) return undefined; // the lexer guarantees the closing backquote
  return escapesProblem(token.slice(1, -1), '"');
}

/** Go's check of a `'…'` token: exactly one (possibly escaped) character. */
export function charProblem(token: string): string | undefined {
  const body = token.slice(1, -1);
  if (body === '' || body === "'") return 'invalid syntax';
  const length = body.startsWith('\\') ? escapeLength(body, "'") : String.fromCodePoint(body.codePointAt(0)!).length;
  if (length === undefined) return 'invalid syntax';
  if (length !== body.length) return `malformed character constant: ${token}`;
  return undefined;
}

function escapesProblem(body: string, quote: string): string | undefined {
  for (let i = 0; i < body.length; ) {
    if (body[i] === quote) return 'invalid syntax';
    if (body[i] !== '\\') {
      i++;
      continue;
    }
    const length = escapeLength(body.slice(i), quote);
    if (length === undefined) return 'invalid syntax';
    i += length;
  }
  return undefined;
}

/** Length of the escape sequence at the start of `s` (which starts with a backslash), or undefined when invalid. */
function escapeLength(s: string, quote: string): number | undefined {
  const c = s[1];
  if (c === undefined) return undefined;
  if ('abfnrtv\\'.includes(c)) return 2;
  if (c === "'" || c === '"') return c === quote ? 2 : undefined;
  const hex = (n: number) => {
    const digits = s.slice(2, 2 + n);
    if (digits.length !== n || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
    return Number.parseInt(digits, 16);
  };
  if (c === 'x') return hex(2) === undefined ? undefined : 4;
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const v = hex(n);
    if (v === undefined || v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return undefined;
    return 2 + n;
  }
  if (/[0-7]/.test(c)) {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits) || Number.parseInt(digits, 8) > 255) return undefined;
    return 4;
  }
  return undefined;
}

/** Go's NumberNode for a number or complex token. */
export function numberProblem(text: string, complex: boolean): string | undefined {
  if (complex) {
    const m = /^([+-]?[^+-]+(?:[eE][+-][^+-]+)?)([+-].+)i$/.exec(text);
    return m && isFloat(m[1]!) && isFloat(m[2]!) ? undefined : `illegal number syntax: ${JSON.stringify(text)}`;
  }
  if (text.endsWith('i') && isFloat(text.slice(0, -1))) return undefined;
  if (INT.test(text)) {
    const negative = text.startsWith('-');
    const digits = text.replace(/^[+-]/, '').replace(/_/g, '');
    const literal = /^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits;
    const value = BigInt(literal.replace(/^0([xXoObB])/, (_, b: string) => `0${b.toLowerCase()}`));
    if (negative ? -value >= INT64_MIN : value <= UINT64_MAX) return undefined;
    return `integer overflow: ${JSON.stringify(text)}`;
  }
  if (isFloat(text)) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
    return undefined;
  }
  return `illegal number syntax: ${JSON.stringify(text)}`;
}

/** Go's strconv.ParseFloat: a decimal or hexadecimal float literal that does not overflow. */
function isFloat(text: string): boolean {
  if (HEX_FLOAT.test(text)) return true;
  if (!DEC_FLOAT.test(text)) return false;
  return Number.isFinite(Number(text.replace(/_/g, '')));
}
