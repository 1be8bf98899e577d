import { stringMemo } from '../model/string-memo.ts';
import { UNICODE_CLASS_NAMES } from './re2-unicode-names.ts';

/** What Prometheus needs to know about a matcher's regular expression. */
export interface Re2Verdict {
  /** Go regexp/syntax's complaint, when the pattern is not valid RE2 (Perl flags). */
  readonly error?: string;
  /** Whether the pattern matches the empty string as a whole (Prometheus anchors it). */
  readonly matchesEmpty: boolean;
}

/**
 * Checks a label-matcher regular expression the way Prometheus 2.42 does: it compiles both the
 * pattern and `^(?:pattern)$` with Go's RE2 syntax, which rejects what JavaScript accepts
 * (lookarounds, backreferences, possessive quantifiers, `\Z`, `(?<name>…)`) and accepts what
 * JavaScript rejects (`\pL`, `[[:alpha:]]`, `\Q…\E`, `(?i)` in the middle, `(?U)`).
 */
export function checkRe2(pattern: string): Re2Verdict {
  return verdicts(pattern);
}

/**
 * Verdicts of patterns seen lately: dashboards repeat a few matcher values (`$job`, `$instance`, `5..`) in every
 * query, and the parser and the type check each ask (~30 000 checks of a dozen patterns at 1 000 dashboards of the
 * bench). A verdict is immutable and depends on the pattern alone.
 */
const verdicts = stringMemo(1024, (pattern) => uncachedCheckRe2(pattern));

function uncachedCheckRe2(pattern: string): Re2Verdict {
  const wrapped = new Re2Parser(`^(?:${pattern})$`).parse();
  if ('error' in wrapped) return { error: wrapped.error, matchesEmpty: false };
  const plain = new Re2Parser(pattern).parse();
  if ('error' in plain) return { error: plain.error, matchesEmpty: false };
  return { matchesEmpty: wrapped.nullable };
}

/** A parsed piece: whether it matches the empty input, and its repeat structure (for the 1000 limit). */
interface Piece {
  readonly nullable: boolean;
  /** Set on `{n,m}` repeats: the count Go checks (max, or min when unbounded). */
  readonly repeat?: number;
  readonly subs: readonly Piece[];
}

class Re2Error {
  constructor(readonly message: string) {}
}

const POSIX = new Set([
  'alnum',
  'alpha',
  'ascii',
  'blank',
  'cntrl',
  'digit',
  'graph',
  'lower',
  'print',
  'punct',
  'space',
  'upper',
  'word',
  'xdigit',
]);
const isAlnum = (c: string | undefined) => c !== undefined && /^[0-9A-Za-z]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';

class Re2Parser {
  private pos = 0;
  private depth = 0;
  private readonly s: string[];
  constructor(text: string) {
    this.s = Array.from(text);
  }

  parse(): { nullable: boolean } | { error: string } {
    try {
      const p = this.alternation();
      if (this.pos < this.s.length) throw new Re2Error('unexpected )');
      return { nullable: p.nullable };
    } catch (e) {
      if (e instanceof Re2Error) return { error: e.message };
      throw e;
    }
  }

  private peek(k = 0): string | undefined {
    return this.s[this.pos + k];
  }

  private alternation(): Piece {
    const branches = [this.concat()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.concat());
    }
    return { nullable: branches.some((b) => b.nullable), subs: branches };
  }

  private concat(): Piece {
    const items: Piece[] = [];
    let lastWasRepeat = false;
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const rep = this.tryRepeat();
      if (rep !== undefined) {
        if (lastWasRepeat) throw new Re2Error('invalid nested repetition operator');
        const last = items.pop();
        if (last === undefined) throw new Re2Error('missing argument to repetition operator');
        const piece: Piece = {
          nullable: rep.min === 0 || last.nullable,
          ...(rep.counted ? { repeat: rep.max === 0 ? 0 : rep.max < 0 ? rep.min : rep.max } : {}),
          subs: [last],
        };
        if (rep.counted && (rep.min >= 2 || rep.max >= 2) && !repeatIsValid(piece, 1000))
          throw new Re2Error('invalid repeat count');
        items.push(piece);
        lastWasRepeat = true;
        continue;
      }
      lastWasRepeat = false;
      const atom = this.atom();
      if (atom !== undefined) items.push(...atom);
    }
    return { nullable: items.every((i) => i.nullable), subs: items };
  }

  /** A repetition operator at the cursor (consumed, with a trailing `?`), or `undefined`. */
  private tryRepeat(): { min: number; max: number; counted: boolean } | undefined {
    const c = this.peek();
    let r: { min: number; max: number; counted: boolean } | undefined;
    if (c === '*') r = { min: 0, max: -1, counted: false };
    else if (c === '+') r = { min: 1, max: -1, counted: false };
    else if (c === '?') r = { min: 0, max: 1, counted: false };
    if (r !== undefined) this.pos++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.pos, this.pos + 24).join(''));
      if (m === null) return undefined;
      const num = (d: string) => (d.length >= 8 ? -1 : Number(d));
      const min = num(m[1]!);
      const max = m[2] === undefined ? min : m[3] === '' ? -1 : num(m[3]!);
      this.pos += m[0].length;
      if (
        min < 0 ||
        min > 1000 ||
        max > 1000 ||
        (max >= 0 && min > max) ||
        (m[3] !== undefined && m[3] !== '' && max < 0)
      ) {
        throw new Re2Error('invalid repeat count');
      }
      r = { min, max, counted: true };
    }
    if (r !== undefined && this.peek() === '?') this.pos++;
    return r;
  }

  /** One atom; `[]` for flag groups and empty `\Q\E`; several pieces for `\Q…\E` literals. */
  private atom(): Piece[] {
    const c = this.peek()!;
    const lit: Piece = { nullable: false, subs: [] };
    const empty: Piece = { nullable: true, subs: [] };
    if (c === '(') return this.group();
    if (c === '[') return [this.charClass()];
    this.pos++;
    if (c === '.') return [lit];
    if (c === '^' || c === '$') return [empty];
    if (c !== '\\') return [lit];
    const e = this.peek();
    if (e === undefined) throw new Re2Error('trailing backslash at end of expression');
    if (e === 'A' || e === 'z' || e === 'B') {
      this.pos++;
      return [empty];
    }
    if (e === 'b') {
      this.pos++;
      return [lit];
    }
    if (e === 'Q') {
      this.pos++;
      const out: Piece[] = [];
      while (this.pos < this.s.length && !(this.peek() === '\\' && this.peek(1) === 'E')) {
        out.push(lit);
        this.pos++;
      }
      if (this.pos < this.s.length) this.pos += 2;
      return out;
    }
    this.pos--;
    this.classEscape(true);
    return [lit];
  }

  private group(): Piece[] {
    this.pos++;
    if (++this.depth > 1000) throw new Re2Error('expression nests too deeply');
    if (this.peek() === '?') {
      if (this.peek(1) === 'P' && this.peek(2) === '<') {
        const rest = this.s.slice(this.pos + 3);
        const end = rest.indexOf('>');
        const name = end < 0 ? '' : rest.slice(0, end).join('');
        if (end < 0 || !/^[A-Za-z0-9_]+$/.test(name)) throw new Re2Error('invalid named capture');
        this.pos += 3 + end + 1;
      } else {
        this.pos++;
        let sign = 1;
        let sawFlag = false;
        for (;;) {
          const f = this.s[this.pos++];
          if (f === 'i' || f === 'm' || f === 's' || f === 'U') sawFlag = true;
          else if (f === '-' && sign > 0) {
            sign = -1;
            sawFlag = false;
          } else if ((f === ':' || f === ')') && !(sign < 0 && !sawFlag)) {
            if (f === ')') {
              this.depth--;
              return [];
            }
            break;
          } else throw new Re2Error('invalid or unsupported Perl syntax');
        }
      }
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Re2Error('missing closing )');
    this.pos++;
    this.depth--;
    return [{ nullable: inner.nullable, subs: [inner] }];
  }

  private charClass(): Piece {
    this.pos++;
    if (this.peek() === '^') this.pos++;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Re2Error('missing closing ]');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.peek(1) === ':') {
        const rest = this.s.slice(this.pos + 2).join('');
        const end = rest.indexOf(':]');
        if (end >= 0) {
          const name = rest.slice(0, end).replace(/^\^/, '');
          if (!POSIX.has(name)) throw new Re2Error('invalid character class range');
          this.pos += 2 + Array.from(rest.slice(0, end)).length + 2;
          continue;
        }
      }
      if (c === '\\' && ['p', 'P', 'd', 'D', 's', 'S', 'w', 'W'].includes(this.peek(1) ?? '')) {
        this.classEscape(false);
        continue;
      }
      const lo = this.classChar();
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.pos++;
        const hi = this.classChar();
        if (hi < lo) throw new Re2Error('invalid character class range');
      }
    }
    this.pos++;
    return { nullable: false, subs: [] };
  }

  /** One class character (literal or escape); returns its code point. */
  private classChar(): number {
    const c = this.peek()!;
    if (c === '\\') return this.escapeCodePoint();
    this.pos++;
    return c.codePointAt(0)!;
  }

  /** `\d`-style and `\p{…}` classes, or any single-character escape (outside classes too). */
  private classEscape(outside: boolean): void {
    const e = this.peek(1);
    if (e === 'd' || e === 'D' || e === 's' || e === 'S' || e === 'w' || e === 'W') {
      this.pos += 2;
      return;
    }
    if (e === 'p' || e === 'P') {
      this.pos += 2;
      const n = this.peek();
      if (n === undefined) throw new Re2Error('invalid character class range');
      let name: string;
      if (n === '{') {
        const rest = this.s.slice(this.pos + 1);
        const end = rest.indexOf('}');
        if (end < 0) throw new Re2Error('invalid character class range');
        name = rest.slice(0, end).join('');
        this.pos += end + 2;
      } else {
        name = n;
        this.pos++;
      }
      if (!UNICODE_CLASS_NAMES.has(name.replace(/^\^/, ''))) throw new Re2Error('invalid character class range');
      return;
    }
    void outside;
    this.escapeCodePoint();
  }

  /** A single-character escape at the cursor (`\n`, `\x41`, `\x{…}`, `\012`, `\.`), consumed. */
  private escapeCodePoint(): number {
    this.pos++;
    const c = this.s[this.pos++];
    if (c === undefined) throw new Re2Error('trailing backslash at end of expression');
    const bad = () => new Re2Error('invalid escape sequence');
    if (c.length === 1 && c.charCodeAt(0) < 0x80 && !isAlnum(c)) return c.charCodeAt(0);
    if ((c >= '1' && c <= '7' && isOctal(this.peek())) || c === '0') {
      let r = Number(c);
      for (let i = 1; i < 3 && isOctal(this.peek()); i++) r = r * 8 + Number(this.s[this.pos++]);
      return r;
    }
    if (c === 'x') {
      if (this.peek() === '{') {
        this.pos++;
        let hex = '';
        while (this.peek() !== undefined && /^[0-9A-Fa-f]$/.test(this.peek()!)) hex += this.s[this.pos++];
        if (this.peek() !== '}' || hex === '' || parseInt(hex, 16) > 0x10ffff) throw bad();
        this.pos++;
        return parseInt(hex, 16);
      }
      const hex = this.s.slice(this.pos, this.pos + 2).join('');
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw bad();
      this.pos += 2;
      return parseInt(hex, 16);
    }
    const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const ctl = controls[c];
    if (ctl !== undefined) return ctl;
    throw bad();
  }
}

function repeatIsValid(piece: Piece, n: number): boolean {
  if (piece.repeat !== undefined) {
    const m = piece.repeat;
    if (m === 0) return true;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  return piece.subs.every((s) => repeatIsValid(s, n));
}
