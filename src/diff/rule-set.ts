import { parse } from 'yaml';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.ts';
import type { UnreadableFile } from './dashboard-set.ts';

/** One alerting or recording rule of a Prometheus rule file, as the diff compares it. */
export interface RuleEntry {
  /** Posix path relative to the project root, e.g. `prometheus/rules/go-services/go-service.yaml`. */
  readonly file: string;
  readonly group: string;
  /** The group's `interval` as written; absent when the group uses Prometheus's global evaluation interval. */
  readonly interval?: string;
  readonly kind: 'alert' | 'record';
  readonly name: string;
  readonly rule: JsonObject;
}

/** Every rule of a set of rule files, in file, group and rule order. */
export interface RuleSetResult {
  readonly rules: readonly RuleEntry[];
  readonly unreadable: readonly UnreadableFile[];
}

/**
 * Parses Prometheus rule files (`groups:` YAML). A file that is not YAML or has no `groups:` list is reported, not
 * thrown; groups and rules that are not mappings, or rules with neither `alert` nor `record`, are skipped (lint
 * reports them).
 */
export function ruleSetFromFiles(
  files: readonly { readonly path: string; readonly contents: string }[],
): RuleSetResult {
  const rules: RuleEntry[] = [];
  const unreadable: UnreadableFile[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, contents } of sorted) {
    let doc: unknown;
    try {
      doc = parse(contents, { maxAliasCount: 100 });
    } catch (err) {
      unreadable.push({ file: path, message: `not valid YAML: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!isJsonObject(doc as JsonValue) || !Array.isArray((doc as JsonObject).groups)) {
      unreadable.push({ file: path, message: 'not a Prometheus rule file: it has no `groups:` list' });
      continue;
    }
    for (const group of (doc as JsonObject).groups as JsonValue[]) {
      if (!isJsonObject(group) || !Array.isArray(group.rules)) continue;
      const name = typeof group.name === 'string' ? group.name : '';
      const interval = typeof group.interval === 'string' ? group.interval : undefined;
      for (const rule of group.rules) {
        if (!isJsonObject(rule)) continue;
        const kind = typeof rule.alert === 'string' ? 'alert' : typeof rule.record === 'string' ? 'record' : undefined;
        if (kind === undefined) continue;
        rules.push({
          file: path,
          group: name,
          ...(interval !== undefined ? { interval } : {}),
          kind,
          name: String(rule[kind]),
          rule,
        });
      }
    }
  }
  return { rules, unreadable };
}
