/**
 * A PromQL lexer that follows Prometheus 2.42's `promql/parser/lex.go` state machine, so that what it
 * rejects (bad escapes, `1_000`, `[5]`, `x[5m f]` quirks included) matches promtool.
 */
export type TokenKind =
  | 'IDENT'
  | 'METRIC_IDENT'
  | 'KEYWORD'
  | 'NUMBER'
  | 'DURATION'
  | 'STRING'
  | '('
  | ')'
  | '{'
  | '}'
  | '['
  | ']'
  | ','
  | ':'
  | '@'
  | 'OP'
  | 'MATCH_OP'
  | 'EOF'
  | 'ERROR';

export interface Token {
  readonly kind: TokenKind;
  /** Source text; lower-cased for keywords and keyword operators (`and`, `atan2`). */
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** Words Prometheus lexes as keywords (matched case-insensitively). */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'unless',
  'atan2',
  'sum',
  'avg',
  'count',
  'min',
  'max',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
  'count_values',
  'quantile',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'start',
  'end',
]);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) =>
  c !== undefined && (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined) => isAlpha(c) || isDigit(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Lexes the whole input; the last token is `EOF` or `ERROR` (with the message as text). */
export function lex(input: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let parenDepth = 0;
  let braceOpen = false;
  let bracketOpen = false;
  let gotColon = false;
  const emit = (kind: TokenKind, from: number, text = input.slice(from, pos)) =>
    out.push({ kind, text, from, to: pos });
  const fail = (message: string, at = pos) => {
    out.push({ kind: 'ERROR', text: message, from: at, to: Math.max(at, pos) });
    return out;
  };
  const acceptRun = (set: string) => {
    while (pos < input.length && set.includes(input[pos]!)) pos++;
  };
  const accept = (set: string) => {
    if (pos < input.length && set.includes(input[pos]!)) {
      pos++;
      return true;
    }
    return false;
  };
  const scanNumber = (): boolean => {
    let digits = '0123456789';
    const start = pos;
    if (accept('0') && accept('xX')) digits = '0123456789abcdefABCDEF';
    else pos = start + (input[start] === '0' ? 1 : 0);
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (accept('eE')) {
      accept('+-');
      acceptRun('0123456789');
    }
    return !isAlnum(input[pos]);
  };
  const acceptRemainingDuration = (): boolean => {
    if (!accept('smhdwy')) return false;
    accept('s');
    while (accept('0123456789')) {
      acceptRun('0123456789');
      if (!accept('smhdw')) return false;
      accept('s');
    }
    return !isAlnum(input[pos]);
  };
  const lexString = (quote: string): string | undefined => {
    for (;;) {
      const c = input[pos++];
      if (c === undefined) return quote === '`' ? 'unterminated raw string' : 'unterminated quoted string';
      if (c === quote) return undefined;
      if (quote === '`') continue;
      if (c === '\n') return 'unterminated quoted string';
      if (c !== '\\') continue;
      const e = input[pos++];
      if (e === undefined) return 'escape sequence not terminated';
      if ('abfnrtv\\'.includes(e) || e === quote) continue;
      let n: number, base: number, max: number;
      if (e >= '0' && e <= '7') [n, base, max] = [3, 8, 255];
      else if (e === 'x') [n, base, max] = [2, 16, 255];
      else if (e === 'u') [n, base, max] = [4, 16, 0x10ffff];
      else if (e === 'U') [n, base, max] = [8, 16, 0x10ffff];
      else return `unknown escape sequence '${e}'`;
      if (e >= '0' && e <= '7') pos--;
      let x = 0;
      for (; n > 0; n--) {
        const ch = input[pos++];
        const d = ch === undefined ? 99 : parseInt(ch, 16);
        if (Number.isNaN(d) || d >= base)
          return ch === undefined ? 'escape sequence not terminated' : `illegal character '${ch}' in escape sequence`;
        x = x * base + d;
      }
      if (x > max || (x >= 0xd800 && x < 0xe000)) return 'escape sequence is an invalid Unicode code point';
    }
  };

  for (;;) {
    if (braceOpen) {
      const start = pos;
      const c = input[pos++];
      if (c === undefined) return fail('unexpected end of input inside braces', start);
      if (isSpace(c)) continue;
      if (isAlpha(c)) {
        while (isAlnum(input[pos])) pos++;
        emit('IDENT', start);
      } else if (c === ',') emit(',', start);
      else if (c === '"' || c === "'" || c === '`') {
        const err = lexString(c);
        if (err) return fail(err, start);
        emit('STRING', start);
      } else if (c === '=') {
        if (input[pos] === '~') pos++;
        emit('MATCH_OP', start);
      } else if (c === '!') {
        const n = input[pos++];
        if (n !== '~' && n !== '=') return fail(`unexpected character after '!' inside braces: '${n ?? 'EOF'}'`, start);
        emit('MATCH_OP', start);
      } else if (c === '}') {
        emit('}', start);
        braceOpen = false;
      } else return fail(`unexpected character inside braces: '${c}'`, start);
      continue;
    }
    const start = pos;
    if (input[pos] === '#') {
      while (pos < input.length && input[pos] !== '\n') pos++;
      continue;
    }
    const c = input[pos++];
    if (c === undefined) {
      if (parenDepth !== 0) return fail('unclosed left parenthesis', start);
      if (bracketOpen) return fail('unclosed left bracket', start);
      emit('EOF', start, '');
      return out;
    }
    if (isSpace(c)) continue;
    if (c === ',') emit(',', start);
    else if ('*/%+-^'.includes(c)) emit('OP', start);
    else if (c === '=') {
      if (input[pos] === '=') {
        pos++;
        emit('OP', start);
      } else if (input[pos] === '~') return fail("unexpected character after '=': '~'", start);
      else emit('MATCH_OP', start);
    } else if (c === '!') {
      if (input[pos++] !== '=') return fail("unexpected character after '!'", start);
      emit('OP', start);
    } else if (c === '<' || c === '>') {
      if (input[pos] === '=') pos++;
      emit('OP', start);
    } else if (isDigit(c) || (c === '.' && isDigit(input[pos]))) {
      pos = start;
      if (scanNumber()) emit('NUMBER', start);
      else if (acceptRemainingDuration()) emit('DURATION', start);
      else return fail(`bad number or duration syntax: "${input.slice(start, pos)}"`, start);
    } else if (c === '"' || c === "'" || c === '`') {
      const err = lexString(c);
      if (err) return fail(err, start);
      emit('STRING', start);
    } else if (isAlpha(c) || c === ':') {
      if (!bracketOpen) {
        while (isAlnum(input[pos]) || input[pos] === ':') pos++;
        const word = input.slice(start, pos);
        const lower = word.toLowerCase();
        if (lower === 'inf' || lower === 'nan') emit('NUMBER', start);
        else if (KEYWORDS.has(lower)) emit('KEYWORD', start, lower);
        else emit(word.includes(':') ? 'METRIC_IDENT' : 'IDENT', start);
      } else {
        if (gotColon) return fail("unexpected colon ':'", start);
        emit(':', start);
        gotColon = true;
      }
    } else if (c === '(') {
      emit('(', start);
      parenDepth++;
    } else if (c === ')') {
      emit(')', start);
      if (--parenDepth < 0) return fail("unexpected right parenthesis ')'", start);
    } else if (c === '{') {
      emit('{', start);
      braceOpen = true;
    } else if (c === '[') {
      if (bracketOpen) return fail("unexpected left bracket '['", start);
      gotColon = false;
      emit('[', start);
      while (isSpace(input[pos])) pos++;
      bracketOpen = true;
      const d = pos;
      if (scanNumber()) return fail('missing unit character in duration', d);
      if (!acceptRemainingDuration()) return fail(`bad duration syntax: "${input.slice(d, pos)}"`, d);
      emit('DURATION', d);
    } else if (c === ']') {
      if (!bracketOpen) return fail("unexpected right bracket ']'", start);
      emit(']', start);
      bracketOpen = false;
    } else if (c === '@') emit('@', start);
    else return fail(`unexpected character: '${c}'`, start);
  }
}
