/** A label matcher: a plain string means equality. */
export type Matcher =
  | string
  | { readonly eq: string }
  | { readonly neq: string }
  | { readonly re: string }
  | { readonly nre: string };

/** Label key → matcher. Keys are emitted sorted, so the same matchers always give the same text. */
export type Matchers = Readonly<Record<string, Matcher>>;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Escapes a label value for a double-quoted PromQL string: backslash, quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function operatorAndValue(matcher: Matcher): [string, string] {
  if (typeof matcher === 'string') return ['=', matcher];
  if ('eq' in matcher) return ['=', matcher.eq];
  if ('neq' in matcher) return ['!=', matcher.neq];
  if ('re' in matcher) return ['=~', matcher.re];
  return ['!~', matcher.nre];
}

/**
 * `metric{a="x",b=~"y"}` with keys sorted and values escaped; just `metric` without matchers.
 * Throws (a programmer error) on a metric or label name PromQL cannot express.
 */
export function selector(metric: string, matchers: Matchers = {}): string {
  if (!METRIC_NAME.test(metric))
    throw new Error(`selector(): metric name ${JSON.stringify(metric)} is not a valid Prometheus metric name`);
  const keys = Object.keys(matchers).sort();
  if (keys.length === 0) return metric;
  const parts = keys.map((key) => {
    if (!LABEL_NAME.test(key))
      throw new Error(`selector(${metric}): label name ${JSON.stringify(key)} is not a valid Prometheus label name`);
    const [op, value] = operatorAndValue(matchers[key] as Matcher);
    return `${key}${op}"${escapeLabelValue(value)}"`;
  });
  return `${metric}{${parts.join(',')}}`;
}
