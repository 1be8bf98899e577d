import { parse as parseYaml } from 'yaml';
import { parseGrafanaInterval } from '../model/grafana-interval.ts';
import type { PrometheusApi, SeriesResult } from '../verify/prometheus-api.ts';
import { parseApiBody, queryResultOf, seriesOf, stringListOf, type ApiAnswer } from '../verify/prometheus-response.ts';
import { httpClient, type HttpClient, type HttpClientOptions } from './http-client.ts';

/** A Prometheus HTTP API client that only ever talks to `baseUrl`, through the one bounded HTTP client. */
export interface PrometheusClient extends PrometheusApi {
  /** Without credentials, for messages. */
  readonly baseUrl: string;
  /** `undefined` when Prometheus answers, else why not. */
  ping(): Promise<string | undefined>;
  /** `global.scrape_interval` from /api/v1/status/config, ms; `undefined` when unavailable. */
  scrapeInterval(): Promise<number | undefined>;
}

/** `http` is the client to share (one deadline for the whole command); else one is made from `options`. */
export function prometheusClient(
  baseUrl: string,
  options: HttpClientOptions & { readonly http?: HttpClient } = {},
): PrometheusClient {
  const base = baseUrl.replace(/\/+$/, '');
  const http = options.http ?? httpClient(options);

  async function call(path: string, params: URLSearchParams, method: 'GET' | 'POST'): Promise<ApiAnswer> {
    const query = params.toString();
    const url = method === 'GET' && query !== '' ? `${base}${path}?${query}` : `${base}${path}`;
    const res = await http.request({ url, method, ...(method === 'POST' ? { body: params } : {}) });
    if (!res.ok) return { ok: false, error: res.error };
    const answer = parseApiBody(path, res.status, res.text);
    return answer.ok ? answer : { ok: false, error: http.redact(answer.error) };
  }

  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const withMatch = (params: URLSearchParams, match: readonly string[]) => {
    for (const m of match) params.append('match[]', m);
    return params;
  };
  const redacted = <T extends { ok: boolean }>(r: T): T =>
    r.ok ? r : { ...r, error: http.redact((r as unknown as { error: string }).error) };

  return {
    baseUrl: http.redact(base),
    async queryRange(expr, start, end, stepMs) {
      const path = '/api/v1/query_range';
      const r = await call(
        path,
        new URLSearchParams({ query: expr, start: seconds(start), end: seconds(end), step: seconds(stepMs) }),
        'POST',
      );
      return r.ok ? redacted(queryResultOf(path, r.data)) : r;
    },
    async query(expr, time) {
      const path = '/api/v1/query';
      const r = await call(path, new URLSearchParams({ query: expr, time: seconds(time) }), 'POST');
      return r.ok ? redacted(queryResultOf(path, r.data)) : r;
    },
    async labelValues(label, match, start, end) {
      const path = `/api/v1/label/${encodeURIComponent(label)}/values`;
      const r = await call(
        path,
        withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), match),
        'GET',
      );
      return r.ok ? redacted(stringListOf(path, r.data)) : r;
    },
    async labelNames(match, start, end) {
      const path = '/api/v1/labels';
      const r = await call(
        path,
        withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), match),
        'GET',
      );
      return r.ok ? redacted(stringListOf(path, r.data)) : r;
    },
    async series(match, start, end): Promise<SeriesResult> {
      const path = '/api/v1/series';
      const r = await call(
        path,
        withMatch(new URLSearchParams({ start: seconds(start), end: seconds(end) }), [match]),
        'GET',
      );
      return r.ok ? redacted(seriesOf(path, r.data)) : r;
    },
    async ping() {
      const r = await call('/api/v1/status/buildinfo', new URLSearchParams(), 'GET');
      if (!r.ok) return r.error;
      if (typeof r.data !== 'object' || r.data === null || Array.isArray(r.data))
        return '/api/v1/status/buildinfo answered without build information: is this a Prometheus server?';
      return undefined;
    },
    async scrapeInterval() {
      const r = await call('/api/v1/status/config', new URLSearchParams(), 'GET');
      if (!r.ok) return undefined;
      try {
        const yaml = (r.data as { yaml?: unknown } | null)?.yaml;
        const config =
          typeof yaml === 'string' ? (parseYaml(yaml) as { global?: { scrape_interval?: unknown } } | null) : null;
        const text = config?.global?.scrape_interval;
        return typeof text === 'string' ? parseGrafanaInterval(text) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
