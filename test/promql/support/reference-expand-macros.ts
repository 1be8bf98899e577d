// expand-macros.ts of commit 130faed (one string appended per character), kept verbatim as the reference the
// slice-copying version is checked against (test/promql/expand-macros-reference.test.ts). Not used by src/.
import { variableReferenceAt } from '../../../src/model/grafana-variable.ts';

/** What a `$variable` or macro stands in for, judged from where it is written. */
export type MacroContext = 'string' | 'duration' | 'number' | 'identifier';

export interface ExpandOptions {
  /** Values for dashboard variables and macros, by name without `$` (`job`, `__rate_interval`). */
  readonly values?: Readonly<Record<string, string>>;
}

/** One replaced span: `[from, to)` in the expanded text came from `[originalFrom, originalTo)`. */
export interface ExpansionSegment {
  readonly from: number;
  readonly to: number;
  readonly originalFrom: number;
  readonly originalTo: number;
  /** The variable or macro name, without `$`, braces or format. */
  readonly name: string;
  readonly context: MacroContext;
}

export interface Expansion {
  readonly text: string;
  readonly segments: readonly ExpansionSegment[];
}

/** Placeholder values Grafana would give its macros on a typical 1 h dashboard. */
const MACRO_DEFAULTS: Readonly<Record<string, string>> = {
  __rate_interval: '5m',
  __interval: '1m',
  __range: '1h',
  __rate_interval_ms: '300000',
  __interval_ms: '60000',
  __range_ms: '3600000',
  __range_s: '3600',
};

/** A word starting at `lastIndex` (sticky: no copy of the rest of the expression per word). */
const WORD = /\w+/y;

const GROUPING_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

/**
 * Replaces Grafana macros (`$__rate_interval`, `${__range_s}`, …) and dashboard variables (`$var`,
 * `${var}`, `${var:regex}`, `[[var]]`) with text Prometheus can parse: the caller's value when it
 * has one, else a placeholder that fits where the variable stands (a duration inside `[…]` and after
 * `offset`, a label name inside `by (…)`/braces, a name when glued to a metric name, a number
 * elsewhere, the bare name inside a quoted string). `$1` inside strings (label_replace) is kept.
 */
export function expandMacros(expr: string, options: ExpandOptions = {}): Expansion {
  const values = options.values ?? {};
  const segments: ExpansionSegment[] = [];
  let out = '';
  let quote: string | undefined;
  let bracket = false;
  let brace = false;
  let groupingPending = false;
  let grouping = false;
  let lastToken = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '$' || (c === '[' && expr[i + 1] === '[')) {
      const ref = variableReferenceAt(expr, i);
      const name = ref?.name;
      if (ref && name !== undefined && !(quote !== undefined && /^\d+$/.test(name) && values[name] === undefined)) {
        const before = expr[i - 1];
        const after = expr[i + ref.text.length];
        const glued = (before !== undefined && /\w/.test(before)) || (after !== undefined && /[\w{]/.test(after));
        const context: MacroContext =
          quote !== undefined
            ? 'string'
            : bracket || lastToken === 'offset'
              ? 'duration'
              : grouping || brace || glued
                ? 'identifier'
                : 'number';
        const text = values[name] ?? placeholder(name, context);
        segments.push({
          from: out.length,
          to: out.length + text.length,
          originalFrom: i,
          originalTo: i + ref.text.length,
          name,
          context,
        });
        out += text;
        i += ref.text.length;
        lastToken = context === 'duration' ? 'duration' : 'value';
        continue;
      }
    }
    if (quote !== undefined) {
      if (c === '\\' && quote !== '`' && i + 1 < expr.length) {
        out += c + expr[i + 1]!;
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
      out += c;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '[') bracket = true;
    else if (c === ']') bracket = false;
    else if (c === '{') brace = true;
    else if (c === '}') brace = false;
    else if (c === '(') {
      grouping = groupingPending;
      groupingPending = false;
    } else if (c === ')') grouping = false;
    if (/\w/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(expr)![0];
      lastToken = word.toLowerCase();
      groupingPending = GROUPING_KEYWORDS.has(lastToken);
      out += word;
      i += word.length;
      continue;
    }
    if (!/\s/.test(c)) {
      lastToken = c;
      if (c !== '(') groupingPending = false;
    }
    out += c;
    i++;
  }
  return { text: out, segments };
}

function placeholder(name: string, context: MacroContext): string {
  const macro = MACRO_DEFAULTS[name];
  switch (context) {
    case 'duration':
      return macro !== undefined && /[a-z]$/.test(macro) ? macro : '5m';
    case 'number':
      return macro !== undefined && /^\d+$/.test(macro) ? macro : '1';
    case 'string':
      return macro ?? name;
    case 'identifier':
      return /^\d/.test(name) ? `_${name}` : name;
  }
}
