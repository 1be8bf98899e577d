import type {
  AggregateExpr,
  AstMatcher,
  Expr,
  MatrixSelector,
  Modifiers,
  SubqueryExpr,
  VectorMatching,
  VectorSelectorNode,
} from './ast.ts';
import { parsePrometheusDuration } from '../model/prometheus-duration.ts';
import { DEFAULT_PROMETHEUS, isPrometheus3, type PrometheusVersion } from '../model/prometheus-version.ts';
import { EXPERIMENTAL_IN_3, functionsFor, REMOVED_IN_3 } from './functions.ts';
import { lex, type Token } from './lexer.ts';
import { checkRe2 } from './re2.ts';
import type { MatchOperator } from './selectors.ts';
import { unquote } from './unquote.ts';

/** One thing Prometheus would reject, with its place in the parsed text. */
export interface PromqlProblem {
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

export interface ParseResult {
  /** The tree, when the text is grammatical (it may still carry `problems`). */
  readonly expr?: Expr;
  readonly problems: PromqlProblem[];
}

const AGGREGATORS = new Set([
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
]);
const WITH_PARAM = new Set(['topk', 'bottomk', 'count_values', 'quantile']);
/** Keywords that Prometheus's grammar also accepts as a metric name. */
const METRIC_KEYWORDS = new Set([...AGGREGATORS, 'by', 'and', 'or', 'unless', 'offset', 'without', 'start', 'end']);
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['or'],
  ['and', 'unless'],
  ['==', '!=', '<=', '<', '>=', '>'],
  ['+', '-'],
  ['*', '/', '%', 'atan2'],
];
const MAX_INT64_FLOAT = 2 ** 63;
/**
 * How deep parentheses, unary signs, `^` chains, calls and aggregations may nest. Prometheus's generated parser
 * has no such limit; this recursive one would overflow the stack, so it stops there with a clear problem instead.
 * Real queries nest a handful of levels; long flat sums (`a + b + …`, thousands of terms) are not nesting.
 */
export const MAX_PROMQL_NESTING = 256;

export interface ParseOptions {
  /** The Prometheus release to parse for. @default the shipped stack's (DEFAULT_PROMETHEUS_VERSION) */
  readonly version?: PrometheusVersion;
}

class SyntaxError_ {
  constructor(readonly problem: PromqlProblem) {}
}

/**
 * Parses PromQL with Prometheus's grammar for `version` (2.x: as 2.42; 3.x adds quoted UTF-8 metric and label names) (operator precedence, keywords usable as metric and
 * label names, modifiers), collecting the errors its parser reports while building the tree
 * (unknown functions, bad regular expressions, durations, misplaced `offset`/`@`). Types are checked
 * separately (`typeCheck`). Never throws.
 */
export function parsePromql(text: string, options: ParseOptions = {}): ParseResult {
  const p = new Parser(text, options.version ?? DEFAULT_PROMETHEUS);
  try {
    const expr = p.parse();
    return { expr, problems: p.problems };
  } catch (e) {
    if (e instanceof SyntaxError_) return { problems: [e.problem] };
    throw e;
  }
}

class Parser {
  readonly problems: PromqlProblem[] = [];
  private readonly tokens: Token[];
  private i = 0;
  private depth = 0;
  private readonly v3: boolean;
  private readonly functions: ReturnType<typeof functionsFor>;
  constructor(text: string, version: PrometheusVersion) {
    this.tokens = lex(text);
    this.v3 = isPrometheus3(version);
    this.functions = functionsFor(version[0]);
  }

  /** Runs one nested parse step, refusing to go deeper than MAX_PROMQL_NESTING. */
  private nested<T>(parse: () => T): T {
    if (this.depth >= MAX_PROMQL_NESTING) {
      this.fail(
        `expression nests more than ${MAX_PROMQL_NESTING} levels deep here; panelcraft does not check deeper (Prometheus itself has no limit): split it, e.g. into recording rules`,
      );
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  parse(): Expr {
    if (this.tok.kind === 'EOF') this.fail('no expression found in input');
    const expr = this.expr();
    if (!this.is('EOF')) this.unexpected();
    return expr;
  }

  private get tok(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind === 'ERROR') throw new SyntaxError_({ message: t.text, from: t.from, to: t.to });
    return t;
  }
  private peekAt(k: number): Token | undefined {
    return this.tokens[this.i + k];
  }
  private next(): Token {
    const t = this.tok;
    this.i++;
    return t;
  }
  private is(kind: Token['kind'], text?: string): boolean {
    const t = this.tok;
    return t.kind === kind && (text === undefined || t.text === text);
  }
  private expect(kind: Token['kind'], what: string): Token {
    if (!this.is(kind)) this.unexpected(what);
    return this.next();
  }
  private fail(message: string, t: Token = this.tok): never {
    throw new SyntaxError_({ message, from: t.from, to: Math.max(t.to, t.from + 1) });
  }
  private unexpected(expected?: string): never {
    const t = this.tok;
    const what = t.kind === 'EOF' ? 'end of input' : `"${t.text}"`;
    this.fail(`unexpected ${what}${expected ? `, expected ${expected}` : ''}`);
  }
  private report(message: string, from: number, to: number): void {
    this.problems.push({ message, from, to });
  }

  private expr(): Expr {
    return this.binary(0);
  }

  private binaryOp(level: number): Token | undefined {
    const t = this.tok;
    const ops = BINARY_LEVELS[level]!;
    if ((t.kind === 'OP' || t.kind === 'KEYWORD') && ops.includes(t.text)) return t;
    return undefined;
  }

  private binary(level: number): Expr {
    const operand = () => (level + 1 < BINARY_LEVELS.length ? this.binary(level + 1) : this.unary());
    let lhs = operand();
    for (let op = this.binaryOp(level); op !== undefined; op = this.binaryOp(level)) {
      this.next();
      const mods = this.binModifiers();
      const rhs = operand();
      lhs = { type: 'BinaryExpr', op: op.text, lhs, rhs, ...mods, from: lhs.from, to: rhs.to, opFrom: op.from };
    }
    return lhs;
  }

  private unary(): Expr {
    const t = this.tok;
    if (t.kind === 'OP' && (t.text === '-' || t.text === '+')) {
      this.next();
      const expr = this.nested(() => this.unary());
      if (expr.type === 'NumberLiteral')
        return { ...expr, value: t.text === '-' ? -expr.value : expr.value, from: t.from };
      return { type: 'UnaryExpr', op: t.text, expr, from: t.from, to: expr.to };
    }
    const lhs = this.postfix();
    if (this.is('OP', '^')) {
      const op = this.next();
      const mods = this.binModifiers();
      const rhs = this.nested(() => this.unary());
      return { type: 'BinaryExpr', op: '^', lhs, rhs, ...mods, from: lhs.from, to: rhs.to, opFrom: op.from };
    }
    return lhs;
  }

  private binModifiers(): { bool: boolean; matching?: VectorMatching } {
    const bool = this.is('KEYWORD', 'bool');
    if (bool) this.next();
    if (!this.is('KEYWORD', 'on') && !this.is('KEYWORD', 'ignoring')) return { bool };
    const on = this.next().text === 'on';
    const labels = this.groupingLabels();
    let card: VectorMatching['card'] = 'one-to-one';
    let include: string[] = [];
    if (this.is('KEYWORD', 'group_left') || this.is('KEYWORD', 'group_right')) {
      card = this.next().text === 'group_left' ? 'many-to-one' : 'one-to-many';
      if (this.is('(')) include = this.groupingLabels();
    }
    return { bool, matching: { on, labels, card, include } };
  }

  private groupingLabels(): string[] {
    this.expect('(', '"("');
    const labels: string[] = [];
    while (!this.is(')')) {
      const t = this.tok;
      if (t.kind === 'IDENT' || (t.kind === 'KEYWORD' && t.text !== 'without')) labels.push(this.tokens[this.i]!.text);
      else if (t.kind === 'STRING' && this.v3) labels.push(this.quotedName(t));
      else this.unexpected('label in grouping opts');
      this.next();
      if (this.is(',')) this.next();
      else if (!this.is(')')) this.unexpected('"," or ")"');
    }
    this.next();
    return labels;
  }

  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.is('[')) expr = this.rangeOrSubquery(expr);
      else if (this.is('KEYWORD', 'offset')) this.offset(expr);
      else if (this.is('@')) this.at(expr);
      else return expr;
    }
  }

  private duration(t: Token): number {
    const d = parsePrometheusDuration(t.text);
    if ('error' in d) this.report(d.error, t.from, t.to);
    else if (d.ms === 0) this.report('duration must be greater than 0', t.from, t.to);
    return 'ms' in d ? d.ms : 0;
  }

  private rangeOrSubquery(expr: Expr): Expr {
    this.next();
    const range = this.duration(this.expect('DURATION', 'duration'));
    if (this.is(':')) {
      this.next();
      const step = this.is('DURATION') ? this.duration(this.next()) : undefined;
      const close = this.expect(']', '"]"');
      const sub: SubqueryExpr = {
        type: 'SubqueryExpr',
        expr,
        rangeMs: range,
        ...(step !== undefined ? { stepMs: step } : {}),
        from: expr.from,
        to: close.to,
      };
      return sub;
    }
    const close = this.expect(']', '"]"');
    if (expr.type !== 'VectorSelector') this.report('ranges only allowed for vector selectors', expr.from, close.to);
    else if (expr.offsetMs !== undefined) this.report('no offset modifiers allowed before range', expr.from, close.to);
    else if (expr.at !== undefined) this.report('no @ modifiers allowed before range', expr.from, close.to);
    const m: MatrixSelector = { type: 'MatrixSelector', vector: expr, rangeMs: range, from: expr.from, to: close.to };
    return m;
  }

  /** The node `offset`/`@` attach to, or `undefined` (and a problem) when Prometheus refuses. */
  private modifierTarget(expr: Expr, what: string): Modifiers | undefined {
    if (expr.type === 'VectorSelector' || expr.type === 'SubqueryExpr') return expr;
    if (expr.type === 'MatrixSelector') {
      if (expr.vector.type === 'VectorSelector') return expr.vector;
      this.report('ranges only allowed for vector selectors', expr.from, expr.to);
      return undefined;
    }
    this.report(
      `${what} must be preceded by an instant vector selector or range vector selector or a subquery`,
      expr.from,
      expr.to,
    );
    return undefined;
  }

  private offset(expr: Expr): void {
    this.next();
    const negative = this.is('OP', '-');
    if (negative) this.next();
    const ms = this.duration(this.expect('DURATION', 'duration in offset'));
    const target = this.modifierTarget(expr, 'offset modifier');
    if (target === undefined) return;
    if (target.offsetMs !== undefined) this.report('offset may not be set multiple times', expr.from, expr.to);
    else target.offsetMs = negative ? -ms : ms;
  }

  private at(expr: Expr): void {
    this.next();
    let at: number | 'start' | 'end';
    if (this.is('KEYWORD', 'start') || this.is('KEYWORD', 'end')) {
      at = this.next().text as 'start' | 'end';
      this.expect('(', '"("');
      this.expect(')', '")"');
    } else {
      let sign = 1;
      if (this.is('OP', '-') || this.is('OP', '+')) sign = this.next().text === '-' ? -1 : 1;
      const t = this.expect('NUMBER', 'timestamp for @');
      at = sign * this.number(t);
      if (!Number.isFinite(at) || at >= MAX_INT64_FLOAT || at <= -MAX_INT64_FLOAT) {
        this.report(`timestamp out of bounds for @ modifier: ${at}`, expr.from, t.to);
      }
    }
    const target = this.modifierTarget(expr, '@ modifier');
    if (target === undefined) return;
    if (target.at !== undefined) this.report('@ <timestamp> may not be set multiple times', expr.from, expr.to);
    else target.at = at;
  }

  private number(t: Token): number {
    const s = t.text;
    let value: number;
    if (/^0[xX][0-9a-fA-F]+$/.test(s)) value = BigInt(s) <= (1n << 63n) - 1n ? Number(BigInt(s)) : NaN;
    else if (/^(inf|nan)$/i.test(s)) value = s.toLowerCase() === 'inf' ? Infinity : NaN;
    else if (/^0[0-7]+$/.test(s)) value = parseInt(s, 8);
    else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) value = Number(s);
    else value = NaN;
    const bad = Number.isNaN(value) ? !/^nan$/i.test(s) : !Number.isFinite(value) && !/^inf$/i.test(s);
    if (bad) this.report(`error parsing number: "${s}"`, t.from, t.to);
    return value;
  }

  private primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'NUMBER':
        this.next();
        return { type: 'NumberLiteral', value: this.number(t), from: t.from, to: t.to };
      case 'STRING':
        this.next();
        return { type: 'StringLiteral', value: unquote(t.text) ?? '', from: t.from, to: t.to };
      case '(': {
        this.next();
        const expr = this.nested(() => this.expr());
        const close = this.expect(')', '")"');
        return { type: 'ParenExpr', expr, from: t.from, to: close.to };
      }
      case '{':
        return this.selector(undefined, t.from);
      case 'IDENT':
        this.next();
        if (this.is('(')) return this.call(t);
        return this.selector(t.text, t.from, t.to);
      case 'METRIC_IDENT':
        this.next();
        return this.selector(t.text, t.from, t.to);
      case 'KEYWORD': {
        const after = this.peekAt(1);
        const startsAggregation =
          after !== undefined &&
          (after.kind === '(' || (after.kind === 'KEYWORD' && (after.text === 'by' || after.text === 'without')));
        if (AGGREGATORS.has(t.text) && startsAggregation) return this.aggregation();
        if (!METRIC_KEYWORDS.has(t.text)) this.unexpected();
        this.next();
        return this.selector(this.tokens[this.i - 1]!.text, t.from, t.to);
      }
      default:
        return this.unexpected('expression');
    }
  }

  private args(): { args: Expr[]; to: number } {
    this.expect('(', '"("');
    const args: Expr[] = [];
    if (!this.is(')')) {
      for (;;) {
        args.push(this.nested(() => this.expr()));
        if (!this.is(',')) break;
        const comma = this.next();
        if (this.is(')')) this.fail('trailing commas not allowed in function call args', comma);
      }
    }
    const close = this.expect(')', '"," or ")"');
    return { args, to: close.to };
  }

  private call(name: Token): Expr {
    const { args, to } = this.args();
    const renamed = this.v3 ? REMOVED_IN_3.get(name.text) : undefined;
    if (renamed !== undefined)
      this.report(
        `unknown function with name "${name.text}": Prometheus 3 renamed it to ${renamed}`,
        name.from,
        name.to,
      );
    else if (!this.functions.has(name.text))
      this.report(`unknown function with name "${name.text}"`, name.from, name.to);
    else if (this.v3 && EXPERIMENTAL_IN_3.has(name.text))
      this.report(
        `function "${name.text}" is not enabled: it is experimental in Prometheus 3 and parses only with --enable-feature=promql-experimental-functions`,
        name.from,
        name.to,
      );
    return { type: 'Call', func: name.text, args, from: name.from, to };
  }

  private aggregation(): Expr {
    const op = this.next();
    const modifier = () => {
      const without = this.next().text === 'without';
      return { without, labels: this.groupingLabels() };
    };
    let grouping = this.is('KEYWORD', 'by') || this.is('KEYWORD', 'without') ? modifier() : undefined;
    const body = this.args();
    let to = body.to;
    if (grouping === undefined && (this.is('KEYWORD', 'by') || this.is('KEYWORD', 'without'))) {
      grouping = modifier();
      to = this.tokens[this.i - 1]!.to;
    }
    const name = op.text.toLowerCase();
    const node: AggregateExpr = {
      type: 'AggregateExpr',
      op: name,
      args: body.args,
      ...(grouping ? { grouping } : {}),
      from: op.from,
      to,
    };
    const want = WITH_PARAM.has(name) ? 2 : 1;
    if (body.args.length === 0) this.report('no arguments for aggregate expression provided', op.from, to);
    else if (body.args.length !== want) {
      this.report(
        `wrong number of arguments for aggregate expression provided, expected ${want}, got ${body.args.length}`,
        op.from,
        to,
      );
    }
    return node;
  }

  /** A quoted UTF-8 metric or label name (Prometheus 3), unquoted. */
  private quotedName(t: Token): string {
    const value = unquote(t.text);
    if (value === undefined || value === '') this.report(`invalid quoted name ${t.text}`, t.from, t.to);
    return value ?? '';
  }

  private selector(name: string | undefined, from: number, nameTo = from): Expr {
    const matchers: AstMatcher[] = [];
    let to = nameTo;
    if (this.is('{')) {
      this.next();
      while (!this.is('}')) {
        if (this.v3 && this.is('STRING') && this.peekAt(1)?.kind !== 'MATCH_OP') {
          // Prometheus 3: a quoted metric name inside the braces, `{"http.server.duration", job="api"}`.
          const quoted = this.next();
          if (name !== undefined) this.report('metric name must not be set twice', quoted.from, quoted.to);
          else name = this.quotedName(quoted);
          if (this.is(',')) this.next();
          else if (!this.is('}')) this.unexpected('"," or "}"');
          continue;
        }
        const label =
          this.v3 && this.is('STRING')
            ? { ...this.tok, text: this.quotedName(this.next()) }
            : this.expect('IDENT', 'label matching');
        const opTok = this.expect('MATCH_OP', 'label matching operator');
        const valueTok = this.expect('STRING', 'string');
        const value = unquote(valueTok.text) ?? '';
        const op = opTok.text as MatchOperator;
        if (op === '=~' || op === '!~') {
          const re = checkRe2(value);
          if (re.error !== undefined)
            this.report(`error parsing regexp: ${re.error}: \`${value}\``, label.from, valueTok.to);
        }
        matchers.push({ label: label.text, op, value, valueFrom: valueTok.from, valueTo: valueTok.to });
        if (this.is(',')) this.next();
        else if (!this.is('}')) this.unexpected('"," or "}"');
      }
      to = this.next().to;
    }
    const node: VectorSelectorNode = {
      type: 'VectorSelector',
      ...(name !== undefined ? { name } : {}),
      matchers,
      from,
      to,
    };
    return node;
  }
}
