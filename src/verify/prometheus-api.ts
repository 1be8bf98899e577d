/** What verify needs from Prometheus; src/io/prometheus-client.ts implements it over HTTP, tests may fake it. */
export interface PrometheusApi {
  /** /api/v1/query_range; times in epoch ms. */
  queryRange(expr: string, start: number, end: number, stepMs: number): Promise<QueryResult>;
  /** /api/v1/query at `time` (epoch ms). */
  query(expr: string, time: number): Promise<QueryResult>;
  /** /api/v1/label/<name>/values with optional match[] selectors. */
  labelValues(label: string, match: readonly string[], start: number, end: number): Promise<ListResult>;
  /** /api/v1/labels with optional match[] selectors. */
  labelNames(match: readonly string[], start: number, end: number): Promise<ListResult>;
  /** /api/v1/series for one selector: the label sets found. */
  series(match: string, start: number, end: number): Promise<SeriesResult>;
}

export type QueryResult =
  | { readonly ok: true; readonly resultType: string; readonly result: readonly PromSample[] | readonly unknown[] }
  | { readonly ok: false; readonly error: string };

export type ListResult =
  | { readonly ok: true; readonly values: readonly string[] }
  | { readonly ok: false; readonly error: string };

export type SeriesResult =
  | { readonly ok: true; readonly series: ReadonlyArray<Readonly<Record<string, string>>> }
  | { readonly ok: false; readonly error: string };

/** One element of a vector (`value`) or matrix (`values`) result. */
export interface PromSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value?: readonly [number, string];
  readonly values?: ReadonlyArray<readonly [number, string]>;
}

/** Number of samples in a successful result: a scalar or string counts as one. */
export function sampleCount(result: QueryResult): number {
  if (!result.ok) return 0;
  if (result.resultType === 'scalar' || result.resultType === 'string') return 1;
  let n = 0;
  for (const item of result.result as readonly PromSample[]) {
    if (Array.isArray(item.values)) n += item.values.length;
    else if (item.value) n += 1;
  }
  return n;
}
