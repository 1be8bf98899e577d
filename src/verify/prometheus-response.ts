import type { ListResult, QueryResult, SeriesResult } from './prometheus-api.ts';

/**
 * Checks of what a Prometheus HTTP API endpoint answered, pure. Every deviation from the documented shape becomes
 * an error that says which endpoint answered what, so garbage never reads as "no data" or "[object Object]".
 */
export type ApiAnswer = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: string };

/** Parses the envelope `{status, data | errorType, error}` of an answer with HTTP `status`. */
export function parseApiBody(endpoint: string, status: number, text: string): ApiAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = text.trim() === '' ? 'an empty body' : `not JSON: ${snippet(text)}`;
    return { ok: false, error: `${endpoint} answered HTTP ${status} with ${what}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      error: `${endpoint} answered HTTP ${status} with ${describeValue(body)}, not a Prometheus API object {"status": …}`,
    };
  }
  const envelope = body as Record<string, unknown>;
  if (envelope.status === 'error') {
    const type = typeof envelope.errorType === 'string' ? `${clip(envelope.errorType, 60)}: ` : '';
    const error = errorText(envelope.error);
    return { ok: false, error: `${type}${error}` };
  }
  if (envelope.status !== 'success') {
    return {
      ok: false,
      error: `${endpoint} answered HTTP ${status} with status ${describeValue(envelope.status)}, expected "success" or "error"`,
    };
  }
  if (status < 200 || status >= 300)
    return { ok: false, error: `${endpoint} answered HTTP ${status} with status "success"` };
  return { ok: true, data: envelope.data };
}

/** Text from the server, cut to `max` characters so a hostile answer cannot flood the report. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}… (${text.length} characters)` : text;
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return clip(error, 1_000);
  if (error === undefined || error === null) return 'no error message';
  const message = isObject(error) ? error.message : undefined;
  return typeof message === 'string' ? clip(message, 1_000) : `an error that is not text: ${describeValue(error)}`;
}

/** `/api/v1/query` and `/api/v1/query_range` data: `{resultType, result}` of the documented shapes. */
export function queryResultOf(endpoint: string, data: unknown): QueryResult {
  const bad = (what: string): QueryResult => ({ ok: false, error: `${endpoint} answered a malformed result: ${what}` });
  if (!isObject(data)) return bad(`data is ${describeValue(data)}, expected {"resultType": …, "result": …}`);
  const { resultType, result } = data;
  switch (resultType) {
    case 'matrix':
    case 'vector': {
      if (!Array.isArray(result)) return bad(`result of a ${resultType} is ${describeValue(result)}, expected a list`);
      for (const [i, item] of result.entries()) {
        const problem = sampleProblem(item, resultType);
        if (problem) return bad(`result[${i}] ${problem}`);
      }
      return { ok: true, resultType, result };
    }
    case 'scalar':
    case 'string': {
      if (!isPoint(result, resultType === 'string'))
        return bad(`a ${resultType} result is ${describeValue(result)}, expected [<time>, "<value>"]`);
      return { ok: true, resultType, result: result as unknown as readonly unknown[] };
    }
    default:
      return bad(`resultType is ${describeValue(resultType)}, expected "matrix", "vector", "scalar" or "string"`);
  }
}

/** `/api/v1/labels` and `/api/v1/label/<name>/values` data: a list of strings. */
export function stringListOf(endpoint: string, data: unknown): ListResult {
  if (!Array.isArray(data))
    return {
      ok: false,
      error: `${endpoint} answered a malformed result: data is ${describeValue(data)}, expected a list of strings`,
    };
  const i = data.findIndex((x) => typeof x !== 'string');
  if (i >= 0)
    return {
      ok: false,
      error: `${endpoint} answered a malformed result: data[${i}] is ${describeValue(data[i])}, expected a string`,
    };
  return { ok: true, values: data as string[] };
}

/** `/api/v1/series` data: a list of label sets. */
export function seriesOf(endpoint: string, data: unknown): SeriesResult {
  if (!Array.isArray(data))
    return {
      ok: false,
      error: `${endpoint} answered a malformed result: data is ${describeValue(data)}, expected a list of label sets`,
    };
  for (const [i, item] of data.entries()) {
    if (!isLabelSet(item))
      return {
        ok: false,
        error: `${endpoint} answered a malformed result: data[${i}] is ${describeValue(item)}, expected {"label": "value", …}`,
      };
  }
  return { ok: true, series: data as Array<Record<string, string>> };
}

function sampleProblem(item: unknown, type: 'matrix' | 'vector'): string | undefined {
  if (!isObject(item))
    return `is ${describeValue(item)}, expected {"metric": …, ${type === 'matrix' ? '"values"' : '"value"'}: …}`;
  if (!isLabelSet(item.metric)) return `has metric ${describeValue(item.metric)}, expected {"label": "value", …}`;
  if (type === 'vector') {
    if (item.value === undefined && item.histogram === undefined) return 'has neither "value" nor "histogram"';
    if (item.value !== undefined && !isPoint(item.value, false))
      return `has value ${describeValue(item.value)}, expected [<time>, "<number>"]`;
    return undefined;
  }
  if (item.values === undefined && !Array.isArray(item.histograms)) return 'has neither "values" nor "histograms"';
  if (item.values !== undefined) {
    if (!Array.isArray(item.values))
      return `has values ${describeValue(item.values)}, expected a list of [<time>, "<number>"]`;
    const j = item.values.findIndex((p) => !isPoint(p, false));
    if (j >= 0) return `has values[${j}] ${describeValue(item.values[j])}, expected [<time>, "<number>"]`;
  }
  return undefined;
}

/** `[<unix time>, "<value>"]`; a sample value is a number as text (`"1.5"`, `"NaN"`, `"+Inf"`). */
function isPoint(p: unknown, anyString: boolean): boolean {
  if (
    !Array.isArray(p) ||
    p.length !== 2 ||
    typeof p[0] !== 'number' ||
    !Number.isFinite(p[0]) ||
    typeof p[1] !== 'string'
  )
    return false;
  return anyString || /^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|Inf)|NaN)$/i.test(p[1]);
}

function isLabelSet(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, escaped rendering of a value for a message, bounded whatever its size: `null`, `"text"`, `a list of 3 items`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (Array.isArray(v))
    return v.length === 0 ? 'an empty list' : `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((k) => quote(k, 30));
    return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  if (typeof v === 'string') return quote(v, 80);
  return String(v);
}

function quote(text: string, max: number): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** The start of a non-JSON body, quoted and escaped, e.g. `"<html><body>Bad gateway…"`. */
function snippet(text: string): string {
  return quote(text.trim(), 80);
}
