/**
 * The lexer of Go's text/template (package text/template/parse, lex.go), as Prometheus runs it on alert labels and
 * annotations: default delimiters `{{ }}`, trim markers `{{- ` and ` -}}`, comments `{{/* … *\/}}` dropped, actions
 * that may span lines (Go ≥ 1.16). Tokens carry their offset in the text; a lexical error ends the stream with an
 * `error` token, which the parser reports when it reaches it (as Go's parser does).
 */
export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'assign'
  | 'declare'
  | 'pipe'
  | 'char'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'complex'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'leftParen'
  | 'rightParen'
  | 'keyword'
  | 'eof'
  | 'error';

export interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly pos: number;
}

export const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
]);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
/** Go's isAlphaNumeric: `_`, Unicode letters and digits. */
const isAlphaNumeric = (c: string | undefined) => c !== undefined && (c === '_' || /^[\p{L}\p{Nd}]$/u.test(c));
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && isSpace(s[1]);
const hasRightTrimMarker = (s: string) => s.length >= 2 && isSpace(s[0]) && s[1] === '-';

export function lexGoTemplate(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const emit = (type: TokenType) => {
    tokens.push({ type, value: input.slice(start, pos), pos: start });
    start = pos;
  };
  const fail = (message: string) => {
    tokens.push({ type: 'error', value: message, pos: start });
  };
  /** The code point at `pos` (a whole surrogate pair), or undefined at the end. */
  const peek = (): string | undefined => {
    if (pos >= input.length) return undefined;
    const cp = input.codePointAt(pos)!;
    return String.fromCodePoint(cp);
  };
  const next = (): string | undefined => {
    const c = peek();
    if (c !== undefined) pos += c.length;
    return c;
  };
  const accept = (valid: string) => {
    const c = peek();
    if (c !== undefined && valid.includes(c)) {
      pos += c.length;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string) => {
    while (accept(valid)) {
      /* run */
    }
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrimMarker(input.slice(pos)) && input.startsWith('}}', pos + 2)) return { delim: true, trim: true };
    return { delim: input.startsWith('}}', pos), trim: false };
  };
  const atTerminator = () => {
    const c = peek();
    if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
    return input.startsWith('}}', pos);
  };
  const describe = (c: string) => {
    const cp = c.codePointAt(0)!;
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return cp < 0x20 || cp === 0x7f ? hex : `${hex} '${c}'`;
  };

  /** The rest of a quoted string or character constant; false when a newline or the end comes first. */
  const scanQuoted = (quote: string): boolean => {
    for (;;) {
      const d = next();
      if (d === '\\') {
        const e = next();
        if (e === undefined || e === '\n') return false;
      } else if (d === undefined || d === '\n') return false;
      else if (d === quote) return true;
    }
  };
  /** Go's scanNumber: sign, base prefix, digits, fraction, exponent, `i`; false when a letter follows. */
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  // text, then actions, until the end or an error
  for (;;) {
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      tokens.push({ type: 'eof', value: '', pos });
      return tokens;
    }
    pos = open;
    if (pos > start) emit('text');
    // left delimiter
    pos += 2;
    const trim = hasLeftTrimMarker(input.slice(pos));
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      start = pos;
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) {
        fail('unclosed comment');
        return tokens;
      }
      pos = close + 2;
      const { delim, trim: rightTrim } = atRightDelim();
      if (!delim) {
        fail('comment ends before closing delimiter');
        return tokens;
      }
      pos += (rightTrim ? 2 : 0) + 2;
      start = pos;
      continue;
    }
    emit('leftDelim');
    pos += after;
    start = pos;
    parenDepth = 0;
    // inside the action
    for (;;) {
      const { delim, trim: rightTrim } = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) {
          fail('unclosed left paren');
          return tokens;
        }
        if (rightTrim) {
          pos += 2;
          start = pos;
        }
        pos += 2;
        emit('rightDelim');
        break;
      }
      const c = next();
      if (c === undefined) {
        fail('unclosed action');
        return tokens;
      }
      if (isSpace(c)) {
        pos -= c.length;
        let spaces = 0;
        while (isSpace(peek())) {
          next();
          spaces++;
        }
        if (hasRightTrimMarker(input.slice(pos - 1)) && input.startsWith('}}', pos + 1)) {
          pos--; // the space belongs to " -}}"
          if (spaces === 1) continue;
        }
        emit('space');
        continue;
      }
      if (c === '=') emit('assign');
      else if (c === ':') {
        if (next() !== '=') {
          fail('expected :=');
          return tokens;
        }
        emit('declare');
      } else if (c === '|') emit('pipe');
      else if (c === '"') {
        if (!scanQuoted('"')) {
          fail('unterminated quoted string');
          return tokens;
        }
        emit('string');
      } else if (c === '`') {
        for (;;) {
          const d = next();
          if (d === undefined) {
            fail('unterminated raw quoted string');
            return tokens;
          }
          if (d === '`') break;
        }
        emit('rawString');
      } else if (c === "'") {
        if (!scanQuoted("'")) {
          fail('unterminated character constant');
          return tokens;
        }
        emit('charConstant');
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(input[pos] ?? ''))) {
        // variable or field: `$`, `$name`, `.Name`; a `.` or `$` with nothing after it is dot or `$`
        if (atTerminator()) {
          emit(c === '$' ? 'variable' : 'dot');
          continue;
        }
        while (isAlphaNumeric(peek())) next();
        if (!atTerminator()) {
          fail(`bad character ${describe(peek()!)}`);
          return tokens;
        }
        emit(c === '$' ? 'variable' : 'field');
      } else if (c === '.' || c === '+' || c === '-' || /[0-9]/.test(c)) {
        pos -= c.length;
        if (!scanNumber()) {
          fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
          return tokens;
        }
        const sign = peek();
        if (sign === '+' || sign === '-') {
          if (!scanNumber() || input[pos - 1] !== 'i') {
            fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
            return tokens;
          }
          emit('complex');
        } else emit('number');
      } else if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(peek())) next();
        if (!atTerminator()) {
          fail(`bad character ${describe(peek()!)}`);
          return tokens;
        }
        const word = input.slice(start, pos);
        emit(
          KEYWORDS.has(word)
            ? word === 'nil'
              ? 'nil'
              : 'keyword'
            : word === 'true' || word === 'false'
              ? 'bool'
              : 'identifier',
        );
      } else if (c === '(') {
        emit('leftParen');
        parenDepth++;
      } else if (c === ')') {
        emit('rightParen');
        parenDepth--;
        if (parenDepth < 0) {
          fail(`unexpected right paren ${describe(c)}`);
          return tokens;
        }
      } else if (c.codePointAt(0)! <= 0x7e && c.codePointAt(0)! >= 0x20) {
        emit('char');
      } else {
        fail(`unrecognized character in action: ${describe(c)}`);
        return tokens;
      }
    }
  }
}
