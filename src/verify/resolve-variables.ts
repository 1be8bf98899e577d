import { arrayAt, isJsonObject, numberAt, objectAt, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';
import { formatInterval } from '../model/grafana-interval.ts';
import { interpolate, type BuiltIns } from './interpolate.ts';
import type { PrometheusApi, PromSample } from './prometheus-api.ts';
import { roundInterval } from './round-interval.ts';
import type { TimeRange } from './time-range.ts';
import { parseVariableQuery, queryResultText } from './variable-query.ts';
import { customOptions, toOptions, variableRegex, type VariableOption } from './variable-options.ts';
import { ALL_VALUE, type VariableValue } from './variable-value.ts';

/** Something about a variable that may explain empty panels. */
export interface VariableProblem {
  readonly variable: string;
  readonly pointer: string;
  readonly message: string;
  /** @default 'warning' */
  readonly severity?: 'error' | 'warning';
  /** @default 'verify-variable' */
  readonly rule?: string;
}

export interface ResolvedVariables {
  readonly values: Map<string, VariableValue>;
  readonly problems: VariableProblem[];
}

export interface ResolveOptions {
  readonly range: TimeRange;
  readonly builtIns: BuiltIns;
  /** `--var name=value` overrides; several values for one name select several options. */
  readonly overrides: ReadonlyMap<string, readonly string[]>;
  /** uid the `datasource` variable resolves to. */
  readonly datasourceUid: string;
}

/**
 * Gives every template variable of a dashboard the value Grafana would use when the dashboard opens: query
 * variables are asked of Prometheus (in declaration order, so chained variables see the ones before them), the
 * stored `current` selection is kept when it is still an option, otherwise the first option is taken (the "All"
 * option comes first when `includeAll` is on). `--var` overrides win.
 */
export async function resolveVariables(
  dashboard: JsonObject,
  api: PrometheusApi,
  opts: ResolveOptions,
): Promise<ResolvedVariables> {
  const values = new Map<string, VariableValue>();
  const problems: VariableProblem[] = [];
  const list = arrayAt(objectAt(dashboard, 'templating') ?? {}, 'list');
  for (const [index, item] of list.entries()) {
    if (!isJsonObject(item)) continue;
    const name = stringAt(item, 'name');
    if (!name) continue;
    const at = pointer('templating', 'list', index);
    const report: Report = (message, severity) =>
      problems.push({ variable: name, pointer: at, message, ...(severity ? { severity } : {}) });
    const options = await optionsOf(item, api, opts, values, report);
    if (options === undefined) continue;
    const override = opts.overrides.get(name);
    const value = select(item, name, options, override);
    if (value.values.length === 0) report(`variable "$${name}" has no values, so every query using it selects nothing`);
    else if ((stringAt(item, 'type') ?? 'query') === 'query' && !value.isAll) {
      const missing = value.values.filter((v) => !options.some((o) => o.value === v));
      if (missing.length > 0) {
        const source = override ? `--var ${name}=${missing[0]}` : "the dashboard's saved value";
        const found =
          options.length === 0 ? 'it returns no values at all' : `it returns ${listed(options.map((o) => o.value))}`;
        problems.push({
          variable: name,
          pointer: at,
          rule: 'verify-variable-value',
          severity: 'error',
          message: `variable "$${name}" is set to ${listed(missing)} (${source}), which Prometheus does not have: ${found} for ${JSON.stringify(queryText(item))}; its panels would show another service's data or none`,
        });
      }
    }
    values.set(name, value);
  }
  for (const [name, override] of opts.overrides) {
    if (!values.has(name))
      values.set(name, { name, values: override, texts: override, multiOrAll: override.length > 1, isAll: false });
  }
  return { values, problems };
}

type Report = (message: string, severity?: 'error' | 'warning') => void;

/** `"a", "b" and 3 more` */
function listed(values: readonly string[]): string {
  const shown = values
    .slice(0, 5)
    .map((v) => JSON.stringify(v))
    .join(', ');
  return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown;
}

async function optionsOf(
  v: JsonObject,
  api: PrometheusApi,
  opts: ResolveOptions,
  known: ReadonlyMap<string, VariableValue>,
  report: Report,
): Promise<VariableOption[] | undefined> {
  const type = stringAt(v, 'type') ?? 'query';
  const expand = (text: string) => interpolate(text, known, opts.builtIns);
  switch (type) {
    case 'query': {
      const raw = await queryVariableValues(queryText(v), api, opts.range, expand, report);
      const regexText = stringAt(v, 'regex');
      const regex = regexText ? variableRegex(expand(regexText)) : undefined;
      if (regexText && !regex)
        report(`regex "${regexText}" of variable "$${stringAt(v, 'name')}" is not a valid regular expression`);
      return toOptions(raw, regex, numberAt(v, 'sort') ?? 0);
    }
    case 'custom':
      return customOptions(expand(queryText(v)));
    case 'constant':
    case 'textbox': {
      const current = currentValues(v)[0];
      const value = type === 'textbox' && current !== undefined ? current : expand(queryText(v));
      return [{ text: value, value }];
    }
    case 'interval':
      return intervalOptions(v, opts.range);
    case 'datasource':
      return [{ text: opts.datasourceUid, value: opts.datasourceUid }];
    default:
      return undefined; // adhoc, groupby, …: nothing to substitute in query text
  }
}

function queryText(v: JsonObject): string {
  const q = v.query;
  if (typeof q === 'string') return q;
  if (isJsonObject(q)) return stringAt(q, 'query') ?? stringAt(v, 'definition') ?? '';
  return stringAt(v, 'definition') ?? '';
}

async function queryVariableValues(
  text: string,
  api: PrometheusApi,
  range: TimeRange,
  expand: (t: string) => string,
  report: Report,
): Promise<string[]> {
  if (text.trim() === '') {
    report('query variable has an empty query');
    return [];
  }
  const q = parseVariableQuery(expand(text));
  const fail = (error: string) => {
    report(`variable query "${text}" failed: ${error}`, 'error');
    return [];
  };
  switch (q.kind) {
    case 'label_values': {
      const r = await api.labelValues(q.label, q.match ? [q.match] : [], range.from, range.to);
      return r.ok ? [...r.values] : fail(r.error);
    }
    case 'label_names': {
      const r = await api.labelNames(q.match ? [q.match] : [], range.from, range.to);
      return r.ok ? [...r.values] : fail(r.error);
    }
    case 'metrics': {
      const r = await api.labelValues('__name__', [], range.from, range.to);
      if (!r.ok) return fail(r.error);
      const re = variableRegex(q.regex) ?? /$^/;
      return r.values.filter((name) => new RegExp(re.source, re.flags).test(name));
    }
    case 'query_result': {
      const r = await api.query(q.expr, range.to);
      if (!r.ok) return fail(r.error);
      if (r.resultType === 'scalar' || r.resultType === 'string') {
        const [ts, value] = r.result as unknown as [number, string];
        return [`${r.resultType} ${value} ${ts * 1000}`];
      }
      return (r.result as readonly PromSample[]).filter((s) => s.value).map((s) => queryResultText(s.metric, s.value!));
    }
    case 'series': {
      const r = await api.series(q.match, range.from, range.to);
      if (!r.ok) return fail(r.error);
      return r.series.map((labels) => {
        const { __name__: name = '', ...rest } = labels;
        return `${name}{${Object.entries(rest)
          .map(([k, val]) => `${k}="${val}"`)
          .join(',')}}`;
      });
    }
  }
}

function intervalOptions(v: JsonObject, range: TimeRange): VariableOption[] {
  const options = customOptions(queryText(v)).filter((o) => o.value !== '');
  if (v.auto !== true) return options;
  const count = numberAt(v, 'auto_count') ?? 30;
  const min = stringAt(v, 'auto_min') ?? '10s';
  const minMs = parseMin(min);
  const autoMs = Math.max(roundInterval((range.to - range.from) / count), minMs);
  return [{ text: 'auto', value: formatInterval(autoMs) }, ...options];
}

function parseMin(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return 10_000;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

function currentValues(v: JsonObject): string[] {
  const current = objectAt(v, 'current');
  if (!current) return [];
  return asStrings(current.value);
}

function asStrings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string');
  return [];
}

function select(
  v: JsonObject,
  name: string,
  options: VariableOption[],
  override: readonly string[] | undefined,
): VariableValue {
  const includeAll = v.includeAll === true;
  const multi = v.multi === true;
  const allValue = stringAt(v, 'allValue');
  const base = {
    name,
    multiOrAll: multi || includeAll,
    ...(allValue !== undefined && allValue !== '' ? { allValue } : {}),
  };
  const all = (): VariableValue => ({
    ...base,
    values: options.map((o) => o.value),
    texts: options.map((o) => o.text),
    isAll: true,
  });
  const pick = (chosen: VariableOption[]): VariableValue => ({
    ...base,
    values: chosen.map((o) => o.value),
    texts: chosen.map((o) => o.text),
    isAll: false,
  });

  if (override) {
    if (override.some((x) => x === ALL_VALUE || x === 'All')) return all();
    return pick(
      override.map((value) => options.find((o) => o.value === value || o.text === value) ?? { text: value, value }),
    );
  }
  const current = currentValues(v).filter((x) => x !== '');
  if (current.includes(ALL_VALUE) && includeAll) return all();
  // A saved value is the service the dashboard is about: keep it even when Prometheus lacks it (the caller reports
  // that), never silently switch to another service's data the way Grafana's first-option fallback would.
  if ((stringAt(v, 'type') ?? 'query') === 'query' && current.length > 0 && !current.includes(ALL_VALUE)) {
    const chosen = current.map((value) => options.find((o) => o.value === value) ?? { text: value, value });
    return pick(multi ? chosen : chosen.slice(0, 1));
  }
  const kept = options.filter((o) => current.includes(o.value));
  if (kept.length > 0) return pick(multi ? kept : kept.slice(0, 1));
  if (includeAll && options.length > 0) return all();
  return pick(options.slice(0, 1));
}
