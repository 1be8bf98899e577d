import { parse as parseYaml } from 'yaml';
import type { ListResult, PrometheusApi, QueryResult, SeriesResult } from '../verify/prometheus-api.ts';
import { parseDuration } from '../verify/duration.ts';

export interface PrometheusClientOptions {
  /** Per-request timeout. @default 30000 */
  readonly timeoutMs?: number;
  /** Injected for tests. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** A Prometheus HTTP API client that only ever talks to `baseUrl`. */
export interface PrometheusClient extends PrometheusApi {
  readonly baseUrl: string;
  /** `undefined` when Prometheus answers, else why not. */
  ping(): Promise<string | undefined>;
  /** `global.scrape_interval` from /api/v1/status/config, ms; `undefined` when unavailable. */
  scrapeInterval(): Promise<number | undefined>;
}

type ApiBody = { status?: string; data?: unknown; error?: string; errorType?: string };

export function prometheusClient(baseUrl: string, options: PrometheusClientOptions = {}): PrometheusClient {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function call(path: string, params: URLSearchParams, method: 'GET' | 'POST'): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
    const url = method === 'GET' ? `${base}${path}?${params.toString()}` : `${base}${path}`;
    try {
      const res = await doFetch(url, {
        method,
        signal: AbortSignal.timeout(timeoutMs),
        ...(method === 'POST' ? { body: params, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
      });
      const text = await res.text();
      let body: ApiBody;
      try {
        body = JSON.parse(text) as ApiBody;
      } catch {
        return { ok: false, error: `HTTP ${res.status} from ${base}${path}: ${text.slice(0, 200).trim()}` };
      }
      if (body.status !== 'success') return { ok: false, error: `${body.errorType ?? `HTTP ${res.status}`}: ${body.error ?? 'no error message'}` };
      return { ok: true, data: body.data };
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      return { ok: false, error: `cannot reach ${base}${path}: ${err instanceof Error ? err.message : String(err)}${cause}` };
    }
  }

  const seconds = (ms: number) => (ms / 1000).toFixed(3);

  const asQuery = (r: Awaited<ReturnType<typeof call>>): QueryResult => {
    if (!r.ok) return r;
    const data = r.data as { resultType?: string; result?: unknown };
    const result = data.result;
    return { ok: true, resultType: String(data.resultType), result: Array.isArray(result) ? result : [] };
  };
  const asList = (r: Awaited<ReturnType<typeof call>>): ListResult =>
    r.ok ? { ok: true, values: Array.isArray(r.data) ? r.data.filter((x): x is string => typeof x === 'string') : [] } : r;

  const withMatch = (params: URLSearchParams, match: readonly string[]) => {
    for (const m of match) params.append('match[]', m);
    return params;
  };

  return {
    baseUrl: base,
    async queryRange(expr, start, end, stepMs) {
      return asQuery(await call('/api/v1/query_range', new URLSearchParams({ query: expr, start: seconds(start), end: seconds(end), step: seconds(stepMs) }), 'POST'));
    },
    async query(expr, time) {
      return asQuery(await call('/api/v1/query', new URLSearchParams({ query: expr, time: seconds(time) }), 'POST'));
    },
    async labelValues(label, match, start, end) {
      const params = withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), match);
      return asList(await call(`/api/v1/label/${encodeURIComponent(label)}/values`, params, 'GET'));
    },
    async labelNames(match, start, end) {
      return asList(await call('/api/v1/labels', withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), match), 'GET'));
    },
    async series(match, start, end): Promise<SeriesResult> {
      const r = await call('/api/v1/series', withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), [match]), 'GET');
      if (!r.ok) return r;
      return { ok: true, series: Array.isArray(r.data) ? (r.data as Array<Record<string, string>>) : [] };
    },
    async ping() {
      const r = await call('/api/v1/status/buildinfo', new URLSearchParams(), 'GET');
      return r.ok ? undefined : r.error;
    },
    async scrapeInterval() {
      const r = await call('/api/v1/status/config', new URLSearchParams(), 'GET');
      if (!r.ok) return undefined;
      try {
        const yaml = (r.data as { yaml?: string }).yaml ?? '';
        const config = parseYaml(yaml) as { global?: { scrape_interval?: string } } | null;
        const text = config?.global?.scrape_interval;
        return typeof text === 'string' ? parseDuration(text) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
