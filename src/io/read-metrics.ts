import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Reading or fetching a `/metrics` exposition failed (a usage problem: exit 2). */
export class MetricsSourceError extends Error {
  override readonly name = 'MetricsSourceError';
}

/** A saved exposition file. */
export async function readMetricsFile(root: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(root, file), 'utf8');
  } catch (err) {
    throw new MetricsSourceError(`cannot read metrics file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** A live `/metrics` endpoint, fetched once (text format requested; 10 s timeout). */
export async function fetchMetrics(url: string, timeoutMs = 10_000): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MetricsSourceError(`--metrics-url "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new MetricsSourceError(`--metrics-url "${url}" must be http or https`);
  let res: Response;
  try {
    res = await fetch(parsed, { headers: { accept: 'text/plain;version=0.0.4;q=1,*/*;q=0.1' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new MetricsSourceError(`cannot fetch ${url}: ${cause}`);
  }
  if (!res.ok) throw new MetricsSourceError(`${url} answered HTTP ${res.status}`);
  return await res.text();
}
