import type { PrometheusVersion } from '../../model/prometheus-version.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';

/** One Prometheus rule file as the rules see it: the YAML as parsed, and the file to name in diagnostics. */
export interface RuleFileDocument {
  /** Posix path shown to users: the `.ts` source in `build`, the YAML file in `lint`. */
  readonly file: string;
  /** The parsed YAML (`{ groups: [...] }` when well-formed). */
  readonly content: JsonValue;
}

/** What every rule-file rule may read. */
export interface RuleFileSettings {
  /** Scrape interval of the targets, in ms (`datasource.scrapeInterval`): ranges must span at least 4 of them. */
  readonly scrapeIntervalMs: number;
  /** The Prometheus release the file must load in (`prometheus.version`). @default 3.5 */
  readonly prometheusVersion?: PrometheusVersion;
}

/** One rule of a file, with where it is and what it is called. */
export interface RuleEntry {
  /** `/groups/0/rules/3` */
  readonly pointer: string;
  readonly group: string;
  readonly kind: 'alert' | 'record';
  readonly name: string;
  readonly rule: JsonObject;
  /** The expression when it is a string. */
  readonly expr?: string;
  /** The group's interval as written. */
  readonly interval?: string;
}

/** Every rule of a well-formed-enough file (groups and rules that are objects); the shape rule reports the rest. */
export function ruleEntries(doc: RuleFileDocument): RuleEntry[] {
  if (!isJsonObject(doc.content) || !Array.isArray(doc.content.groups)) return [];
  const out: RuleEntry[] = [];
  doc.content.groups.forEach((group, g) => {
    if (!isJsonObject(group) || !Array.isArray(group.rules)) return;
    const name = typeof group.name === 'string' ? group.name : '';
    const interval = typeof group.interval === 'string' ? group.interval : undefined;
    group.rules.forEach((rule, r) => {
      if (!isJsonObject(rule) || (rule.alert !== undefined && rule.record !== undefined)) return; // the shape rule reports both
      const kind = typeof rule.alert === 'string' ? 'alert' : typeof rule.record === 'string' ? 'record' : undefined;
      if (kind === undefined) return;
      out.push({
        pointer: `/groups/${g}/rules/${r}`,
        group: name,
        kind,
        name: String(rule[kind]),
        rule,
        ...(typeof rule.expr === 'string' ? { expr: rule.expr } : {}),
        ...(interval !== undefined ? { interval } : {}),
      });
    });
  });
  return out;
}

/** `alert GoServiceDown` / `record job:x:rate5m`: how messages name a rule. */
export function ruleLabel(entry: RuleEntry): string {
  return `${entry.kind} ${entry.name}`;
}
