import { parsePrometheusDuration as parseDuration } from '../model/prometheus-duration.ts';

/** Seconds of a Prometheus duration; throws (a programmer error) naming `what` when it is not one. */
export function durationSeconds(text: string, what: string): number {
  const parsed = parseDuration(text);
  if ('error' in parsed || parsed.ms <= 0)
    throw new Error(`${what}: ${JSON.stringify(text)} is not a positive Prometheus duration like "5m"`);
  return parsed.ms / 1000;
}
