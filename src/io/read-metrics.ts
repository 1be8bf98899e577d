import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { httpClient, type HttpClient } from './http-client.ts';

/** Reading or fetching a `/metrics` exposition failed (a usage problem: exit 2). */
export class MetricsSourceError extends Error {
  override readonly name = 'MetricsSourceError';
}

/** A saved exposition file. */
export async function readMetricsFile(root: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(root, file), 'utf8');
  } catch (err) {
    throw new MetricsSourceError(
      `cannot read metrics file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
}

/** A live `/metrics` endpoint, fetched once through the bounded client (text format requested). */
export async function fetchMetrics(url: string, http: HttpClient = httpClient({ timeoutMs: 10_000 })): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MetricsSourceError(`--metrics-url "${http.redact(url)}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new MetricsSourceError(`--metrics-url "${http.redact(url)}" must be http or https`);
  const res = await http.request({ url: parsed, headers: { accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1' } });
  if (!res.ok) throw new MetricsSourceError(res.error);
  if (res.status < 200 || res.status >= 300)
    throw new MetricsSourceError(`${http.redact(parsed.href)} answered HTTP ${res.status}`);
  return res.text;
}
