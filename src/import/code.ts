/**
 * A tiny expression tree for generated TypeScript, printed the way the project's formatter (Biome: single quotes,
 * 2-space indent, width 120, trailing commas) prints it, so `biome format` leaves an imported file unchanged.
 */
export type Code =
  | { readonly t: 'raw'; readonly text: string }
  | { readonly t: 'obj'; readonly entries: readonly (readonly [string, Code])[] }
  | { readonly t: 'arr'; readonly items: readonly Code[] }
  | { readonly t: 'call'; readonly callee: string; readonly args: readonly Code[] }
  | { readonly t: 'chain'; readonly head: Code; readonly calls: readonly ChainCall[] };

export interface ChainCall {
  readonly name: string;
  readonly args: readonly Code[];
  /** A line comment written on its own line before the call (the chain is then always one call per line). */
  readonly comment?: string;
}

export const WIDTH = 120;

export const raw = (text: string): Code => ({ t: 'raw', text });
export const call = (callee: string, args: readonly Code[]): Code => ({ t: 'call', callee, args });

/** A string literal in single quotes (double when that needs fewer escapes), with every line terminator escaped. */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  if (singles > doubles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A number as Biome writes it (`1e21`, not `1e+21`); non-finite numbers never occur in JSON. */
export function numberLiteral(value: number): string {
  return JSON.stringify(value).replace('e+', 'e');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `title`, `'fieldConfig.defaults'`, `['__proto__']` (a computed key stays an own property). */
export function propertyKey(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** The one-line form, or `undefined` when the formatter would always break it. */
export function flat(code: Code): string | undefined {
  switch (code.t) {
    case 'raw':
      return code.text;
    case 'obj': {
      if (code.entries.length === 0) return '{}';
      const parts = code.entries.map(([k, v]) => {
        const value = flat(v);
        return value === undefined ? undefined : `${k}: ${value}`;
      });
      return parts.every((p) => p !== undefined) ? `{ ${parts.join(', ')} }` : undefined;
    }
    case 'arr': {
      if (forcedBreak(code)) return undefined;
      const parts = code.items.map(flat);
      return parts.every((p) => p !== undefined) ? `[${parts.join(', ')}]` : undefined;
    }
    case 'call': {
      const args = flatArgs(code.args);
      return args === undefined ? undefined : `${code.callee}${args}`;
    }
    case 'chain': {
      if (mustExpand(code) || code.calls.some((c) => c.comment !== undefined)) return undefined;
      const head = flat(code.head);
      const calls = code.calls.map((c) => {
        const args = flatArgs(c.args);
        return args === undefined ? undefined : `.${c.name}${args}`;
      });
      return head !== undefined && calls.every((c) => c !== undefined) ? `${head}${calls.join('')}` : undefined;
    }
  }
}

function flatArgs(args: readonly Code[]): string | undefined {
  const parts = args.map(flat);
  return parts.every((p) => p !== undefined) ? `(${parts.join(', ')})` : undefined;
}

/** An array of two or more objects (or arrays) with more than one entry each always breaks, one per line. */
function forcedBreak(code: Code & { t: 'arr' }): boolean {
  if (code.items.length < 2) return false;
  const first = code.items[0]!.t;
  return (
    (first === 'obj' || first === 'arr') &&
    code.items.every((i) => (i.t === 'obj' && i.entries.length > 1) || (i.t === 'arr' && i.items.length > 1)) &&
    code.items.every((i) => i.t === first)
  );
}

/** A chain of more than two calls where one call has a non-simple argument is always one call per line. */
function mustExpand(code: Code & { t: 'chain' }): boolean {
  return code.calls.length > 2 && code.calls.some((c) => c.args.some((a) => !isSimple(a, 0)));
}

/** The formatter's "simple argument": literals and names, and flat objects, arrays and calls of them, two levels deep. */
function isSimple(code: Code, depth: number): boolean {
  if (depth >= 2) return false;
  switch (code.t) {
    case 'raw':
      return true;
    case 'obj':
      return code.entries.every(([, v]) => isSimple(v, depth + 1));
    case 'arr':
      return code.items.every((i) => isSimple(i, depth + 1));
    case 'call':
      return code.args.every((a) => isSimple(a, depth + 1));
    case 'chain':
      return isSimple(code.head, depth) && code.calls.every((c) => c.args.every((a) => isSimple(a, depth + 1)));
  }
}

const pad = (n: number) => ' '.repeat(n);

/**
 * Prints `code` starting at column `col` of a line indented by `indent`, with `tail` characters that must follow
 * it on its last line (`,` or `);`).
 */
export function print(code: Code, indent: number, col: number, tail: number): string {
  const one = flat(code);
  if (one !== undefined && col + one.length + tail <= WIDTH && !one.includes('\n')) return one;
  switch (code.t) {
    case 'raw':
      return code.text;
    case 'obj':
      return `{\n${code.entries.map(([k, v]) => `${pad(indent + 2)}${k}: ${print(v, indent + 2, indent + 4 + k.length, 1)},\n`).join('')}${pad(indent)}}`;
    case 'arr':
      return `[\n${code.items.map((v) => `${pad(indent + 2)}${print(v, indent + 2, indent + 2, 1)},\n`).join('')}${pad(indent)}]`;
    case 'call':
      return `${code.callee}${printArgs(code.args, indent, col + code.callee.length, tail)}`;
    case 'chain':
      return printChain(code, indent, col, tail);
  }
}

function printArgs(args: readonly Code[], indent: number, col: number, tail: number): string {
  const one = flatArgs(args);
  if (one !== undefined && col + one.length + tail <= WIDTH) return one;
  const last = args.at(-1);
  const rest = args.slice(0, -1).map(flat);
  if (
    last &&
    (last.t === 'obj' || last.t === 'arr') &&
    (last.t === 'obj' ? last.entries.length : last.items.length) > 0 &&
    rest.every((r) => r !== undefined)
  ) {
    const head = `(${rest.map((r) => `${r}, `).join('')}`;
    if (col + head.length + 1 <= WIDTH) {
      const expanded = print({ ...last }, indent, WIDTH + 1, 0); // forced expanded: it did not fit on the line
      return `${head}${expanded})`;
    }
  }
  return `(\n${args.map((a) => `${pad(indent + 2)}${print(a, indent + 2, indent + 2, 1)},\n`).join('')}${pad(indent)})`;
}

function printChain(code: Code & { t: 'chain' }, indent: number, col: number, tail: number): string {
  const head = flat(code.head);
  if (code.calls.length === 1 && code.calls[0]!.comment === undefined) {
    const only = code.calls[0]!;
    const headText =
      head !== undefined && col + head.length + only.name.length + 2 <= WIDTH ? head : print(code.head, indent, col, 0);
    const end = lastLineLength(headText, col) + 1 + only.name.length;
    return `${headText}.${only.name}${printArgs(only.args, indent, end, tail)}`;
  }
  const headText = print(code.head, indent, col, 0);
  const lines = code.calls.map((c, i) => {
    const start = indent + 3 + c.name.length;
    const comment =
      c.comment === undefined ? '' : `\n${pad(indent + 2)}// ${c.comment.replace(/[\n\r\u2028\u2029]/g, ' ')}`;
    return `${comment}\n${pad(indent + 2)}.${c.name}${printArgs(c.args, indent + 2, start, i === code.calls.length - 1 ? tail : 0)}`;
  });
  return `${headText}${lines.join('')}`;
}

function lastLineLength(text: string, col: number): number {
  const nl = text.lastIndexOf('\n');
  return nl === -1 ? col + text.length : text.length - nl - 1;
}
