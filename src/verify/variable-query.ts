/** A Prometheus template-variable query, as Grafana's Prometheus datasource reads the text. */
export type VariableQuery =
  | { readonly kind: 'label_names'; readonly match?: string }
  | { readonly kind: 'label_values'; readonly label: string; readonly match?: string }
  | { readonly kind: 'metrics'; readonly regex: string }
  | { readonly kind: 'query_result'; readonly expr: string }
  | { readonly kind: 'series'; readonly match: string };

const LABEL_NAMES = /^label_names\(\)\s*$/;
const LABEL_NAMES_MATCH = /^label_names\((.+)\)\s*$/;
const LABEL_VALUES = /^label_values\((?:(.+),\s*)?([a-zA-Z_$][a-zA-Z0-9_]*)\)\s*$/;
const METRICS = /^metrics\((.+)\)\s*$/;
const QUERY_RESULT = /^query_result\((.+)\)\s*$/;

/** Reads the text of a query variable; anything unrecognised is a series query, as in Grafana. */
export function parseVariableQuery(text: string): VariableQuery {
  const q = text.trim();
  if (LABEL_NAMES.test(q)) return { kind: 'label_names' };
  let m = LABEL_NAMES_MATCH.exec(q);
  if (m) return { kind: 'label_names', match: m[1]!.trim() };
  m = LABEL_VALUES.exec(q);
  if (m)
    return m[1] === undefined
      ? { kind: 'label_values', label: m[2]! }
      : { kind: 'label_values', label: m[2]!, match: m[1].trim() };
  m = METRICS.exec(q);
  if (m) return { kind: 'metrics', regex: m[1]!.trim() };
  m = QUERY_RESULT.exec(q);
  if (m) return { kind: 'query_result', expr: m[1]!.trim() };
  return { kind: 'series', match: q };
}

/** How Grafana shows one series of a `query_result(...)` as a variable option: `name{k="v",…} value timestampMs`. */
export function queryResultText(metric: Readonly<Record<string, string>>, value: readonly [number, string]): string {
  const { __name__: name = '', ...labels } = metric;
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${parts.join(',')}} ${value[1]} ${value[0] * 1000}`;
}
