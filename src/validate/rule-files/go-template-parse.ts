import { lexGoTemplate, type Token } from './go-template-lex.ts';
import { charProblem, numberProblem, stringProblem } from './go-template-literals.ts';

/**
 * The verdict of Go's text/template parser (`template.New(name).Funcs(…).Parse(text)`, package text/template/parse,
 * parse.go) on one template: what `promtool check rules` runs on every label and annotation of an alerting rule.
 * It checks what Parse checks — delimiters, the structure of if/else/range/with/define/block/template/end,
 * break/continue inside range, declared variables, known function names, pipelines, literals — and not what only
 * execution finds (fields, argument types, undefined templates). Stops at the first error, as Go does.
 */
export interface GoTemplateOptions {
  /** Function names the template may call (Go's builtins plus the caller's FuncMap). */
  readonly functions: ReadonlySet<string>;
  /** Variables declared before the text (Prometheus prepends `{{$labels := .Labels}}` and the like). */
  readonly variables: readonly string[];
  /** `{{else with …}}` (Go 1.23, so Prometheus 3.x); before, `else` takes only `if`. */
  readonly elseWith: boolean;
  /** The template's own name: a `define` of the same name is a second definition. */
  readonly name: string;
}

export interface GoTemplateError {
  /** Offset into the text of the token at fault. */
  readonly offset: number;
  readonly message: string;
}

/** Go's builtin template functions (text/template funcs.go), the same in Go 1.19 and 1.23. */
export const GO_BUILTIN_FUNCTIONS: readonly string[] = [
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
];

class TemplateError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

type NodeKind = 'text' | 'action' | 'end' | 'else' | 'control' | 'break' | 'continue' | 'template';
/** Operand kinds Go's checkPipeline refuses after the first stage. */
type Operand = 'bool' | 'dot' | 'nil' | 'number' | 'string' | 'field' | 'variable' | 'identifier' | 'chain' | 'pipe';

export function parseGoTemplate(text: string, options: GoTemplateOptions): GoTemplateError | undefined {
  try {
    new Parser(lexGoTemplate(text), options).parseAll();
    return undefined;
  } catch (err) {
    if (err instanceof TemplateError) return { offset: err.offset, message: err.message };
    throw err;
  }
}

class Parser {
  private index = 0;
  private vars: string[];
  private rangeDepth = 0;
  /** Names of defined templates with a non-empty body. */
  private readonly defined = new Set<string>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly options: GoTemplateOptions,
  ) {
    this.vars = ['$', ...options.variables];
  }

  parseAll(): void {
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        const after = this.nextNonSpace();
        if (after.type === 'keyword' && after.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.index = this.tokens.indexOf(delim);
      }
      const node = this.textOrAction();
      if (node.kind === 'end' || node.kind === 'else') this.fail(node.pos, `unexpected {{${node.kind}}}`);
    }
    // The template itself is never empty (Prometheus's declarations precede the text).
    if (this.defined.has(this.options.name))
      this.fail(0, `template: multiple definition of template ${JSON.stringify(this.options.name)}`);
  }

  // ---- tokens

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length) this.index++;
    return token;
  }
  private backup(): void {
    this.index--;
  }
  private nextNonSpace(): Token {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }
  private peekNonSpace(): Token {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }
  private fail(offset: number, message: string): never {
    throw new TemplateError(offset, message);
  }
  private unexpected(token: Token, context: string): never {
    if (token.type === 'error') this.fail(token.pos, token.value);
    this.fail(token.pos, `unexpected ${describe(token)} in ${context}`);
  }
  private expect(type: Token['type'], context: string): Token {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  // ---- structure

  private parseDefinition(): void {
    const context = 'define clause';
    const nameToken = this.nextNonSpace();
    if (nameToken.type !== 'string' && nameToken.type !== 'rawString') this.unexpected(nameToken, context);
    const name = this.unquote(nameToken);
    this.expect('rightDelim', context);
    const { nonEmpty, end } = this.subTemplate();
    if (end.kind !== 'end') this.fail(end.pos, `unexpected {{${end.kind}}} in ${context}`);
    this.addDefinition(name, nonEmpty, nameToken.pos);
  }

  /** The body of a define or block: its own variables (`$` only) and no enclosing range. */
  private subTemplate(): { nonEmpty: boolean; end: { kind: NodeKind; pos: number } } {
    const saved = { vars: this.vars, rangeDepth: this.rangeDepth };
    this.vars = ['$'];
    this.rangeDepth = 0;
    const { nonEmpty, next } = this.itemList();
    this.vars = saved.vars;
    this.rangeDepth = saved.rangeDepth;
    return { nonEmpty, end: next };
  }

  private addDefinition(name: string, nonEmpty: boolean, pos: number): void {
    if (!nonEmpty) return;
    if (this.defined.has(name)) this.fail(pos, `template: multiple definition of template ${JSON.stringify(name)}`);
    this.defined.add(name);
  }

  /** Nodes until {{end}} or {{else}}; whether any is more than white space (Go's IsEmptyTree). */
  private itemList(): { nonEmpty: boolean; next: { kind: NodeKind; pos: number } } {
    let nonEmpty = false;
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (node.kind === 'end' || node.kind === 'else') return { nonEmpty, next: node };
      if (node.kind !== 'text' || node.nonBlank) nonEmpty = true;
    }
    this.fail(this.peek().pos, 'unexpected EOF');
  }

  private textOrAction(): { kind: NodeKind; pos: number; nonBlank?: boolean } {
    const token = this.nextNonSpace();
    if (token.type === 'text') return { kind: 'text', pos: token.pos, nonBlank: token.value.trim() !== '' };
    if (token.type === 'leftDelim') return this.action();
    this.unexpected(token, 'input');
  }

  private action(): { kind: NodeKind; pos: number } {
    const token = this.nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.value) {
        case 'block':
          return this.blockControl(token);
        case 'break':
        case 'continue':
          return this.loopControl(token);
        case 'else':
          return this.elseControl(token);
        case 'end':
          this.expect('rightDelim', 'end');
          return { kind: 'end', pos: token.pos };
        case 'if':
        case 'range':
        case 'with':
          this.control(token.value);
          return { kind: 'control', pos: token.pos };
        case 'template':
          return this.templateControl(token);
      }
    }
    this.backup();
    this.pipeline('command', 'rightDelim');
    return { kind: 'action', pos: token.pos };
  }

  private loopControl(token: Token): { kind: NodeKind; pos: number } {
    const after = this.nextNonSpace();
    if (after.type !== 'rightDelim') this.unexpected(after, `{{${token.value}}}`);
    if (this.rangeDepth === 0) this.fail(token.pos, `{{${token.value}}} outside {{range}}`);
    return { kind: token.value as 'break' | 'continue', pos: token.pos };
  }

  private elseControl(token: Token): { kind: NodeKind; pos: number } {
    const peek = this.peekNonSpace();
    // "{{else if …" (and from Go 1.23 "{{else with …") leaves the keyword pending for the enclosing control.
    if (peek.type === 'keyword' && (peek.value === 'if' || (this.options.elseWith && peek.value === 'with')))
      return { kind: 'else', pos: token.pos };
    this.expect('rightDelim', 'else');
    return { kind: 'else', pos: token.pos };
  }

  private control(context: string): void {
    const depth = this.vars.length;
    this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    let { next } = this.itemList();
    if (context === 'range') this.rangeDepth--;
    if (next.kind === 'else') {
      const pending = this.peek();
      const chained =
        pending.type === 'keyword' &&
        ((context === 'if' && pending.value === 'if') ||
          (this.options.elseWith && context === 'with' && pending.value === 'with'));
      if (chained) {
        this.next();
        this.control(pending.value); // its {{end}} ends this control too
      } else {
        next = this.itemList().next;
        if (next.kind !== 'end') this.fail(next.pos, `expected end; found {{${next.kind}}}`);
      }
    }
    this.vars.length = depth;
  }

  private blockControl(token: Token): { kind: NodeKind; pos: number } {
    const context = 'block clause';
    const nameToken = this.nextNonSpace();
    const name = this.templateName(nameToken, context);
    this.pipeline(context, 'rightDelim');
    const { nonEmpty, end } = this.subTemplate();
    if (end.kind !== 'end') this.fail(end.pos, `unexpected {{${end.kind}}} in ${context}`);
    this.addDefinition(name, nonEmpty, nameToken.pos);
    return { kind: 'template', pos: token.pos };
  }

  private templateControl(token: Token): { kind: NodeKind; pos: number } {
    const context = 'template clause';
    this.templateName(this.nextNonSpace(), context);
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: token.pos };
  }

  private templateName(token: Token, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquote(token);
  }

  // ---- pipelines

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): void {
    this.declarations(context);
    const stages: Operand[] = [];
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        if (stages.length === 0) this.fail(token.pos, `missing value for ${context}`);
        stages.forEach((first, i) => {
          if (i > 0 && ['bool', 'dot', 'nil', 'number', 'string'].includes(first))
            this.fail(token.pos, `non executable command in pipeline stage ${i + 1}`);
        });
        return;
      }
      if (STARTS_COMMAND.has(token.type)) {
        this.backup();
        stages.push(this.command());
      } else this.unexpected(token, context);
    }
  }

  private declarations(context: string): void {
    let count = 0;
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') return;
      const start = this.index;
      this.nextNonSpace();
      const next = this.nextNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        this.vars.push(v.value);
        return;
      }
      if (next.type === 'char' && next.value === ',') {
        this.vars.push(v.value);
        count++;
        if (context === 'range' && count < 2) {
          const after = this.peekNonSpace();
          if (after.type === 'variable' || after.type === 'rightDelim' || after.type === 'rightParen') continue;
          this.fail(after.pos, 'range can only initialize variables');
        }
        this.fail(next.pos, `too many declarations in ${context}`);
      }
      this.index = start;
      return;
    }
  }

  /** One command: operands until `|`, the end of the action or a closing paren. Its first operand's kind. */
  private command(): Operand {
    let first: Operand | undefined;
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined && first === undefined) first = operand;
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (first === undefined) this.fail(this.peek().pos, 'empty command');
    return first;
  }

  private operand(): Operand | undefined {
    const start = this.peekNonSpace();
    const term = this.term();
    if (term === undefined) return undefined;
    if (this.peek().type !== 'field') return term;
    while (this.peek().type === 'field') this.next();
    if (term === 'field' || term === 'variable') return term;
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(term))
      this.fail(start.pos, `unexpected . after term ${JSON.stringify(start.value)}`);
    return 'chain';
  }

  private term(): Operand | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.options.functions.has(token.value)) this.fail(token.pos, `function "${token.value}" not defined`);
        return 'identifier';
      case 'dot':
        return 'dot';
      case 'nil':
        return 'nil';
      case 'variable': {
        const name = token.value.split('.')[0]!;
        if (!this.vars.includes(name)) this.fail(token.pos, `undefined variable "${name}"`);
        return 'variable';
      }
      case 'field':
        return 'field';
      case 'bool':
        return 'bool';
      case 'charConstant': {
        const problem = charProblem(token.value);
        if (problem !== undefined) this.fail(token.pos, problem);
        return 'number';
      }
      case 'number':
      case 'complex': {
        const problem = numberProblem(token.value, token.type === 'complex');
        if (problem !== undefined) this.fail(token.pos, problem);
        return 'number';
      }
      case 'leftParen':
        this.pipeline('parenthesized pipeline', 'rightParen');
        return 'pipe';
      case 'string':
      case 'rawString':
        this.unquote(token);
        return 'string';
    }
    this.backup();
    return undefined;
  }

  private unquote(token: Token): string {
    const problem = stringProblem(token.value);
    if (problem !== undefined) this.fail(token.pos, problem);
    return token.value.slice(1, -1);
  }
}

const STARTS_COMMAND = new Set<Token['type']>([
  'bool',
  'charConstant',
  'complex',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'EOF';
    case 'rightDelim':
      return '"}}"';
    case 'leftDelim':
      return '"{{"';
    case 'keyword':
      return `<${token.value}>`;
    case 'space':
      return 'space';
    default:
      return JSON.stringify(token.value);
  }
}
