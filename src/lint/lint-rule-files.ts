import type { PrometheusVersion } from '../model/prometheus-version.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { isJsonObject } from '../model/json.ts';
import type { SourceFile } from '../model/source-file.ts';
import type { RuleConfig } from '../validate/rule-config.ts';
import type { RuleFileDocument } from '../validate/rule-files/rule-file-document.ts';
import { runRuleFileRules } from '../validate/rule-files/run-rule-file-rules.ts';
import { MAX_JSON_BYTES } from './parse-json-source.ts';
import { parseRuleFileSource } from './parse-rule-file-source.ts';

/** Rule ids the rule-file front door reports itself, before the rule-file rules run. */
export const RULE_FILE_FRONT_DOOR_RULES = ['rule-file-invalid', 'not-a-rule-file'] as const;

/** Whether lint reads a file as a Prometheus rule file (YAML) rather than as dashboard JSON. */
export function isRuleFileName(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

export interface RuleFileLintOptions {
  /** Scrape interval behind the rules, in ms (`datasource.scrapeInterval`): ranges must span 4 of them. */
  readonly scrapeIntervalMs: number;
  /** The Prometheus the files must load in (`prometheus.version`): alert templates follow its Go version. */
  readonly prometheusVersion?: PrometheusVersion;
  readonly config: RuleConfig;
}

/**
 * Lints Prometheus rule files, also ones no one here wrote, with the rule-file rules `build` runs on generated files
 * (PromQL syntax, counters and gauges, ranges against the scrape interval, promtool 2.42's shape checks, alert
 * style). Each finding inside a file says which line it is on. Pure and total: bad input becomes diagnostics. The
 * front door's own findings are returned unconfigured (the caller applies levels and exclusions to them).
 */
export function lintRuleFiles(
  sources: readonly SourceFile[],
  options: RuleFileLintOptions,
): { frontDoor: Diagnostic[]; ruled: Diagnostic[] } {
  const frontDoor: Diagnostic[] = [];
  const docs: RuleFileDocument[] = [];
  const lineOf = new Map<string, (pointer: string) => number | undefined>();
  for (const { file, text, bytes } of sources) {
    const parsed =
      bytes !== undefined && bytes > MAX_JSON_BYTES
        ? {
            ok: false as const,
            message: `file is ${bytes} bytes, more than the ${MAX_JSON_BYTES} lint reads`,
            fix: 'split the rules into several files',
          }
        : parseRuleFileSource(text);
    if (!parsed.ok) {
      frontDoor.push({
        rule: 'rule-file-invalid',
        severity: 'error',
        file,
        pointer: '',
        message: parsed.message,
        fix: parsed.fix,
      });
      continue;
    }
    if (!isJsonObject(parsed.value) || !('groups' in parsed.value)) {
      frontDoor.push({
        rule: 'not-a-rule-file',
        severity: 'error',
        file,
        pointer: '',
        message: 'a YAML file given to lint must be a Prometheus rule file, and this one has no top-level `groups:`',
        fix: 'pass dashboard JSON and Prometheus rule files (`groups: [{ name: …, rules: [...] }]`) only',
      });
      continue;
    }
    lineOf.set(file, parsed.lineOf);
    docs.push({ file, content: parsed.value });
  }
  const ruled = runRuleFileRules(
    docs,
    {
      scrapeIntervalMs: options.scrapeIntervalMs,
      ...(options.prometheusVersion !== undefined ? { prometheusVersion: options.prometheusVersion } : {}),
    },
    options.config,
  ).map((d) => {
    const line = lineOf.get(d.file)?.(d.pointer);
    return line === undefined ? d : { ...d, message: `line ${line}: ${d.message}` };
  });
  return { frontDoor, ruled };
}
