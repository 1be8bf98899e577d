import { isJsonObject, type JsonValue } from '../../../model/json.ts';
import { parsePrometheusDuration as parseDuration } from '../../../model/prometheus-duration.ts';
import type { Finding } from '../../../model/diagnostic.ts';
import type { RuleFileRule } from '../rule-file-rule.ts';

const GROUP_KEYS = ['name', 'interval', 'limit', 'rules'];
const RULE_KEYS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];
/** Keys Prometheus added after 2.42: Debian's promtool rejects them (reference §1.4). */
const NEWER: Readonly<Record<string, string>> = { query_offset: '2.53', labels: '3.0' };
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * What `promtool check rules` 2.42 rejects before looking at expressions (reference §1.3): unknown or newer keys,
 * empty or repeated group names, not exactly one of `record`/`alert`, missing `expr`, `for`/`keep_firing_for`/
 * `annotations` on a recording rule, bad record, label and annotation names, bad durations.
 */
export const ruleFileShape: RuleFileRule = {
  id: 'rule-file-shape',
  description: 'rule files must have the shape Prometheus 2.42 accepts (and so Prometheus 3)',
  defaultSeverity: 'error',
  check(doc) {
    const findings: Finding[] = [];
    const add = (pointer: string, message: string, fix: string) => findings.push({ pointer, message, fix });
    const content = doc.content;
    if (!isJsonObject(content) || !Array.isArray(content.groups)) {
      add('', 'a rule file must be a mapping with a `groups:` list', 'write `groups: [{ name: …, rules: [...] }]`');
      return findings;
    }
    for (const key of Object.keys(content))
      if (key !== 'groups')
        add(`/${key}`, `unknown top-level key "${key}"`, 'remove it; a rule file has only `groups:`');
    const names = new Set<string>();
    content.groups.forEach((group, g) => {
      const at = `/groups/${g}`;
      if (!isJsonObject(group)) return add(at, 'a group must be a mapping', 'write `{ name: …, rules: [...] }`');
      for (const key of Object.keys(group)) {
        if (NEWER[key] !== undefined)
          add(
            `${at}/${key}`,
            `group key "${key}" needs Prometheus ${NEWER[key]}; promtool 2.42 rejects the file`,
            'remove it (put labels on each rule instead of the group)',
          );
        else if (!GROUP_KEYS.includes(key))
          add(`${at}/${key}`, `unknown group key "${key}"`, `use only ${GROUP_KEYS.join(', ')}`);
      }
      const name = group.name;
      if (typeof name !== 'string' || name.trim() === '')
        add(`${at}/name`, 'group name must not be empty', 'give the group a name unique in the file');
      else if (names.has(name))
        add(`${at}/name`, `group name "${name}" is repeated in the same file`, 'rename one of the groups');
      else names.add(name);
      duration(group.interval, `${at}/interval`, add);
      if (!Array.isArray(group.rules)) return add(`${at}/rules`, 'a group must have a `rules:` list', 'add the rules');
      group.rules.forEach((rule, r) => {
        const rat = `${at}/rules/${r}`;
        if (!isJsonObject(rule))
          return add(rat, 'a rule must be a mapping', 'write `{ alert: …, expr: … }` or `{ record: …, expr: … }`');
        for (const key of Object.keys(rule))
          if (!RULE_KEYS.includes(key))
            add(`${rat}/${key}`, `unknown rule key "${key}"`, `use only ${RULE_KEYS.join(', ')}`);
        const isAlert = rule.alert !== undefined;
        const isRecord = rule.record !== undefined;
        if (isAlert === isRecord)
          return add(rat, "only one of 'record' and 'alert' must be set", 'keep either `alert:` or `record:`');
        const label = isAlert ? `alert ${String(rule.alert)}` : `record ${String(rule.record)}`;
        if (typeof rule.expr !== 'string' || rule.expr.trim() === '')
          add(`${rat}/expr`, `${label}: field 'expr' must be set`, 'add the PromQL expression');
        if (isRecord) {
          if (typeof rule.record !== 'string' || !METRIC_NAME.test(rule.record))
            add(
              `${rat}/record`,
              `invalid recording rule name: ${JSON.stringify(rule.record)}`,
              'use level:metric:operations, e.g. job:http_requests:rate5m',
            );
          for (const key of ['for', 'keep_firing_for', 'annotations'])
            if (rule[key] !== undefined)
              add(`${rat}/${key}`, `${label}: invalid field '${key}' in recording rule`, `remove \`${key}\``);
        } else {
          if (typeof rule.alert !== 'string' || rule.alert.trim() === '')
            add(`${rat}/alert`, 'alert name must not be empty', 'name the alert in CamelCase');
          duration(rule.for, `${rat}/for`, add);
          duration(rule.keep_firing_for, `${rat}/keep_firing_for`, add);
        }
        for (const key of ['labels', 'annotations'] as const) {
          const map = rule[key];
          if (map === undefined || map === null) continue;
          if (!isJsonObject(map)) {
            add(
              `${rat}/${key}`,
              `${label}: ${key} must be a mapping of names to strings`,
              `write \`${key}: { name: value }\``,
            );
            continue;
          }
          for (const [k, v] of Object.entries(map)) {
            if (!LABEL_NAME.test(k) || (key === 'labels' && k === '__name__'))
              add(
                `${rat}/${key}/${k}`,
                `${label}: invalid ${key === 'labels' ? 'label' : 'annotation'} name: ${JSON.stringify(k)}`,
                'use letters, digits and _ (not starting with a digit)',
              );
            if (typeof v !== 'string')
              add(
                `${rat}/${key}/${k}`,
                `${label}: ${key} value of "${k}" must be a string, got ${JSON.stringify(v)}`,
                'quote it',
              );
          }
        }
      });
    });
    return findings;
  },
};

function duration(value: JsonValue | undefined, pointer: string, add: (p: string, m: string, f: string) => void): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || 'error' in parseDuration(value))
    add(
      pointer,
      `not a valid duration string: ${JSON.stringify(value)}`,
      'write a Prometheus duration such as "30s", "5m" or "1h30m"',
    );
}
