import { redactSecrets } from './redact.ts';

/**
 * The one HTTP client for every outbound call (`verify`, `lint --metrics-url`, `report`). Every answer is bounded:
 * a body larger than `maxBodyBytes` after decompression is cut off (a gzip, deflate or brotli bomb stops at the
 * cap), each request has a timeout and all requests share one overall deadline, redirects are followed only to
 * the same origin, and every message has the credentials replaced by `***`.
 */
export interface HttpClientOptions {
  /** Per request, from sending to the last byte of the body. @default 30000 */
  readonly timeoutMs?: number;
  /** For all requests of this client together, counted from its creation. @default 120000 */
  readonly deadlineMs?: number;
  /** Largest body accepted, in bytes after decompression. @default 64 MiB */
  readonly maxBodyBytes?: number;
  /** Sent with every request (credentials from the environment or `--header`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Values never shown in a message, besides the header values (e.g. a password from the URL). */
  readonly secrets?: readonly string[];
  /** Same-origin redirects followed at most. @default 5 */
  readonly maxRedirects?: number;
  /** Injected for tests. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 120_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HttpRequest {
  readonly url: string | URL;
  readonly method?: 'GET' | 'POST';
  readonly body?: URLSearchParams;
  readonly headers?: Readonly<Record<string, string>>;
}

export type HttpFailure = 'network' | 'timeout' | 'deadline' | 'too-large' | 'redirect';

export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly contentType: string; readonly text: string }
  | { readonly ok: false; readonly kind: HttpFailure; readonly error: string };

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResult>;
  /** `text` with every credential this client knows replaced by `***`, and URL credentials masked. */
  redact(text: string): string;
}

export function httpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  const headers = options.headers ?? {};
  const secrets = [...Object.values(headers), ...(options.secrets ?? [])];
  const deadline = AbortSignal.timeout(deadlineMs);
  const redact = (text: string) => redactSecrets(text, secrets);

  async function request(req: HttpRequest): Promise<HttpResult> {
    let url = new URL(req.url);
    const shown = () => redact(url.href);
    if (deadline.aborted)
      return {
        ok: false,
        kind: 'deadline',
        error: `${shown()}: not sent, the overall deadline of ${seconds(deadlineMs)} passed (raise it with --deadline)`,
      };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([timeout, deadline]);
    let method = req.method ?? 'GET';
    let body = req.body;
    try {
      for (let hop = 0; ; hop++) {
        const res = await doFetch(url, {
          method,
          redirect: 'manual',
          signal,
          headers: {
            ...headers,
            ...req.headers,
            'accept-encoding': 'gzip, deflate, br',
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(body ? { body } : {}),
        });
        if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
          await res.body?.cancel().catch(() => undefined);
          const next = new URL(res.headers.get('location')!, url);
          if (next.origin !== url.origin) {
            return {
              ok: false,
              kind: 'redirect',
              error: `${shown()} redirected (HTTP ${res.status}) to another origin, ${redact(next.origin)}; panelcraft follows redirects only within ${redact(url.origin)}`,
            };
          }
          if (hop >= maxRedirects)
            return { ok: false, kind: 'redirect', error: `${shown()}: more than ${maxRedirects} redirects` };
          if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          url = next;
          continue;
        }
        const declared = Number(res.headers.get('content-length') ?? Number.NaN);
        if (declared > maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          return tooLarge(shown(), maxBytes);
        }
        const text = await readCapped(res, maxBytes);
        if (text === undefined) return tooLarge(shown(), maxBytes);
        return { ok: true, status: res.status, contentType: res.headers.get('content-type') ?? '', text };
      }
    } catch (err) {
      if (deadline.aborted) {
        return {
          ok: false,
          kind: 'deadline',
          error: `${shown()}: the overall deadline of ${seconds(deadlineMs)} passed before the answer was complete (raise it with --deadline)`,
        };
      }
      if (timeout.aborted) {
        return {
          ok: false,
          kind: 'timeout',
          error: `${shown()}: no complete answer within ${seconds(timeoutMs)} (raise it with --timeout)`,
        };
      }
      return { ok: false, kind: 'network', error: `cannot reach ${shown()}: ${redact(describeError(err))}` };
    }
  }

  return { request, redact };
}

/** The body as text, or `undefined` once more than `maxBytes` arrived (the rest is not read). */
async function readCapped(res: Response, maxBytes: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
}

function tooLarge(url: string, maxBytes: number): HttpResult {
  return {
    ok: false,
    kind: 'too-large',
    error: `${url}: the answer is larger than ${formatBytes(maxBytes)} (after decompression); it was not read further`,
  };
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause && cause !== err.message ? `${err.message}: ${cause}` : err.message;
}

const seconds = (ms: number) => `${ms / 1000} s`;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}
