import type { ValueType } from './value-type.ts';

/** A PromQL function as Prometheus's parser knows it. */
export interface PromqlFunction {
  readonly name: string;
  readonly argTypes: readonly ValueType[];
  /** 0: exactly `argTypes`; n > 0: the last argument may repeat up to n times (or be left out); -1: unbounded. */
  readonly variadic: number;
  readonly returnType: ValueType;
}

const S: ValueType = 'scalar';
const V: ValueType = 'instant vector';
const M: ValueType = 'range vector';
const STR: ValueType = 'string';

/** name, argument types, variadic, return type. */
const TABLE: ReadonlyArray<readonly [string, readonly ValueType[], number, ValueType]> = [
  ['abs', [V], 0, V],
  ['absent', [V], 0, V],
  ['absent_over_time', [M], 0, V],
  ['acos', [V], 0, V],
  ['acosh', [V], 0, V],
  ['asin', [V], 0, V],
  ['asinh', [V], 0, V],
  ['atan', [V], 0, V],
  ['atanh', [V], 0, V],
  ['avg_over_time', [M], 0, V],
  ['ceil', [V], 0, V],
  ['changes', [M], 0, V],
  ['clamp', [V, S, S], 0, V],
  ['clamp_max', [V, S], 0, V],
  ['clamp_min', [V, S], 0, V],
  ['cos', [V], 0, V],
  ['cosh', [V], 0, V],
  ['count_over_time', [M], 0, V],
  ['days_in_month', [V], 1, V],
  ['day_of_month', [V], 1, V],
  ['day_of_week', [V], 1, V],
  ['day_of_year', [V], 1, V],
  ['deg', [V], 0, V],
  ['delta', [M], 0, V],
  ['deriv', [M], 0, V],
  ['exp', [V], 0, V],
  ['floor', [V], 0, V],
  ['histogram_count', [V], 0, V],
  ['histogram_sum', [V], 0, V],
  ['histogram_fraction', [S, S, V], 0, V],
  ['histogram_quantile', [S, V], 0, V],
  ['holt_winters', [M, S, S], 0, V],
  ['hour', [V], 1, V],
  ['idelta', [M], 0, V],
  ['increase', [M], 0, V],
  ['irate', [M], 0, V],
  ['label_replace', [V, STR, STR, STR, STR], 0, V],
  ['label_join', [V, STR, STR, STR], -1, V],
  ['last_over_time', [M], 0, V],
  ['ln', [V], 0, V],
  ['log10', [V], 0, V],
  ['log2', [V], 0, V],
  ['max_over_time', [M], 0, V],
  ['min_over_time', [M], 0, V],
  ['minute', [V], 1, V],
  ['month', [V], 1, V],
  ['pi', [], 0, S],
  ['predict_linear', [M, S], 0, V],
  ['present_over_time', [M], 0, V],
  ['quantile_over_time', [S, M], 0, V],
  ['rad', [V], 0, V],
  ['rate', [M], 0, V],
  ['resets', [M], 0, V],
  ['round', [V, S], 1, V],
  ['scalar', [V], 0, S],
  ['sgn', [V], 0, V],
  ['sin', [V], 0, V],
  ['sinh', [V], 0, V],
  ['sort', [V], 0, V],
  ['sort_desc', [V], 0, V],
  ['sqrt', [V], 0, V],
  ['stddev_over_time', [M], 0, V],
  ['stdvar_over_time', [M], 0, V],
  ['sum_over_time', [M], 0, V],
  ['tan', [V], 0, V],
  ['tanh', [V], 0, V],
  ['time', [], 0, S],
  ['timestamp', [V], 0, V],
  ['vector', [S], 0, V],
  ['year', [V], 1, V],
];

/**
 * The functions of Prometheus 2.x, as Prometheus 2.42 (Debian bookworm's `prometheus`, whose promtool the corpus
 * tests agree with) knows them. Later 2.x releases added native-histogram functions; a project on those should
 * target 3.x.
 */
export const PROMQL_FUNCTIONS: ReadonlyMap<string, PromqlFunction> = new Map(
  TABLE.map(([name, argTypes, variadic, returnType]) => [name, { name, argTypes, variadic, returnType }]),
);

/**
 * Prometheus 3.x's functions (`promql/parser/functions.go` at the v3 tags): `holt_winters` is gone (renamed
 * `double_exponential_smoothing`, experimental), the native-histogram statistics are stable, and the experimental
 * ones parse only with `--enable-feature=promql-experimental-functions`.
 */
const ADDED_IN_3: ReadonlyArray<readonly [string, readonly ValueType[], number, ValueType, 'experimental'?]> = [
  ['histogram_avg', [V], 0, V],
  ['histogram_stddev', [V], 0, V],
  ['histogram_stdvar', [V], 0, V],
  ['double_exponential_smoothing', [M, S, S], 0, V, 'experimental'],
  ['mad_over_time', [M], 0, V, 'experimental'],
  ['sort_by_label', [V, STR], -1, V, 'experimental'],
  ['sort_by_label_desc', [V, STR], -1, V, 'experimental'],
  ['info', [V, V], 1, V, 'experimental'],
  ['first_over_time', [M], 0, V, 'experimental'],
  ['ts_of_first_over_time', [M], 0, V, 'experimental'],
  ['ts_of_last_over_time', [M], 0, V, 'experimental'],
  ['ts_of_max_over_time', [M], 0, V, 'experimental'],
  ['ts_of_min_over_time', [M], 0, V, 'experimental'],
];

/** Functions Prometheus 3 removed, with what replaces them. */
export const REMOVED_IN_3: ReadonlyMap<string, string> = new Map([
  ['holt_winters', 'double_exponential_smoothing (experimental in Prometheus 3)'],
]);

/** Functions that exist in Prometheus 3 only behind `--enable-feature=promql-experimental-functions`. */
export const EXPERIMENTAL_IN_3: ReadonlySet<string> = new Set(ADDED_IN_3.filter((f) => f[4]).map((f) => f[0]));

const PROMQL_3_FUNCTIONS: ReadonlyMap<string, PromqlFunction> = new Map([
  ...[...PROMQL_FUNCTIONS].filter(([name]) => !REMOVED_IN_3.has(name)),
  ...ADDED_IN_3.map(
    ([name, argTypes, variadic, returnType]) => [name, { name, argTypes, variadic, returnType }] as const,
  ),
]);

/** The function table of a Prometheus major version. */
export function functionsFor(major: number): ReadonlyMap<string, PromqlFunction> {
  return major >= 3 ? PROMQL_3_FUNCTIONS : PROMQL_FUNCTIONS;
}

/** Every function any supported version knows, for type checking (the parser reports unknown ones per version). */
export const ALL_FUNCTIONS: ReadonlyMap<string, PromqlFunction> = new Map([...PROMQL_FUNCTIONS, ...PROMQL_3_FUNCTIONS]);
