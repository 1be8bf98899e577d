import { replaceVariableReferences } from '../model/grafana-variable.ts';
import type { VariableValue } from './variable-value.ts';

/** Values of Grafana's built-in variables, already formatted as text. */
export type BuiltIns = Readonly<Record<string, string>>;

/**
 * Replaces Grafana variables in PromQL text the way Grafana's Prometheus datasource does: built-ins first
 * (`$__interval`, `$__rate_interval`, `$__range`, …), then template variables with the datasource's default
 * formatting (label-value escaping for single values, a regex alternation for multi-value and "All"), or the
 * explicit `${name:format}`. Unknown names are left as written, as Grafana does.
 */
export function interpolate(text: string, variables: ReadonlyMap<string, VariableValue>, builtIns: BuiltIns): string {
  // Field paths (`${name.field}`) are ignored: the value is the variable's own.
  return replaceVariableReferences(text, ({ name, text: match, format }) => {
    const builtIn = builtIns[name];
    if (builtIn !== undefined) return builtIn;
    const variable = variables.get(name);
    if (!variable) return match;
    return format ? formatExplicit(variable, format) : formatForPrometheus(variable);
  });
}

/** Grafana's `prometheusRegularEscape`: for a single value inside a quoted label matcher. */
export function prometheusRegularEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
}

/** Grafana's `prometheusSpecialRegexEscape`: for one value of a regex alternation. */
export function prometheusSpecialRegexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&');
}

function formatForPrometheus(v: VariableValue): string {
  if (v.isAll && v.allValue !== undefined) return v.allValue;
  if (!v.multiOrAll) return prometheusRegularEscape(v.values[0] ?? '');
  const escaped = v.values.map(prometheusSpecialRegexEscape);
  return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
}

function formatExplicit(v: VariableValue, format: string): string {
  if (v.isAll && v.allValue !== undefined && format !== 'text') return v.allValue;
  const values = v.values;
  switch (format) {
    case 'raw':
    case 'csv':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'regex': {
      const escaped = values.map((x) => x.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&'));
      return escaped.length === 1 ? escaped[0]! : `(${escaped.join('|')})`;
    }
    case 'glob':
      return values.length === 1 ? values[0]! : `{${values.join(',')}}`;
    case 'json':
      return JSON.stringify(values.length === 1 ? values[0] : values);
    case 'doublequote':
      return values.map((x) => `"${x.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return values.map((x) => `'${x.replace(/'/g, "\\'")}'`).join(',');
    case 'text':
      return v.isAll ? 'All' : v.texts.join(' + ');
    case 'queryparam':
      return values.map((x) => `var-${v.name}=${encodeURIComponent(x)}`).join('&');
    case 'percentencode':
      return encodeURIComponent(values.length === 1 ? values[0]! : `{${values.join(',')}}`);
    default:
      return formatForPrometheus(v);
  }
}
