import { CredentialsError, collectCredentials } from '../io/credentials.ts';
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS, httpClient, type HttpClient } from '../io/http-client.ts';
import { redactSecrets } from '../io/redact.ts';
import { parseGrafanaInterval } from '../model/grafana-interval.ts';
import { UsageError } from './context.ts';

/** Flags every command that calls out over HTTP accepts (`parseArgs` options). */
export const HTTP_FLAGS = {
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  header: { type: 'string', multiple: true },
} as const;

export const HTTP_FLAGS_USAGE = '[--timeout 30s] [--deadline 2m] [--header "Name: value"]…';

export interface HttpFlagValues {
  readonly timeout?: string | undefined;
  readonly deadline?: string | undefined;
  readonly header?: readonly string[] | undefined;
}

/**
 * The client for one command and the target URL without credentials. Credentials come from `<envPrefix>_TOKEN`,
 * `<envPrefix>_USER` + `<envPrefix>_PASSWORD`, user info in the URL, or `--header`; they are redacted everywhere.
 */
export function httpFromFlags(
  values: HttpFlagValues,
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  envPrefix: string,
): { readonly http: HttpClient; readonly url: string } {
  const timeoutMs = durationFlag('--timeout', values.timeout, DEFAULT_TIMEOUT_MS);
  const deadlineMs = durationFlag('--deadline', values.deadline, DEFAULT_DEADLINE_MS);
  let credentials;
  try {
    credentials = collectCredentials(url, env, envPrefix, values.header ?? []);
  } catch (err) {
    if (err instanceof CredentialsError) throw new UsageError(redactSecrets(err.message, values.header ?? []));
    throw err;
  }
  return {
    http: httpClient({ timeoutMs, deadlineMs, headers: credentials.headers, secrets: credentials.secrets }),
    url: credentials.url,
  };
}

function durationFlag(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseGrafanaInterval(text);
  if (ms === undefined || ms <= 0 || ms > 24 * 3_600_000)
    throw new UsageError(`${flag} "${text}" is not a duration between 1ms and 24h, e.g. 30s or 2m`);
  return ms;
}
