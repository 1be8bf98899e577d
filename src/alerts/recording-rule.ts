import type { RecordingRule } from './rule-types.ts';

const RECORD_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A recording rule `record: level:metric:operations`. Throws for a name Prometheus rejects. */
export function recordingRule(
  record: string,
  expr: string,
  labels: Readonly<Record<string, string>> = {},
): RecordingRule {
  if (!RECORD_NAME.test(record)) throw new Error(`recordingRule(${JSON.stringify(record)}): not a valid metric name`);
  if (expr.trim() === '') throw new Error(`recordingRule("${record}"): expr is empty`);
  return { kind: 'record', record, expr, labels: { ...labels } };
}
