import { isJsonObject } from '../../model/json.ts';
import type { Diagnostic, Finding } from '../../model/diagnostic.ts';
import type { RuleConfig } from '../rule-config.ts';
import type { RuleFileDocument, RuleFileSettings } from './rule-file-document.ts';
import type { RuleFileRule } from './rule-file-rule.ts';
import { ruleFileRules } from './rules/index.ts';

/**
 * Runs the rule-file rules on each file, with the same configuration as the dashboard rules: a level per rule id
 * (`rules:` in panelcraft.yaml) and exclusions, whose `dashboard` matches the file and `panel` the alert or record
 * name. A rule that crashes becomes an error naming it.
 */
export function runRuleFileRules(
  docs: readonly RuleFileDocument[],
  settings: RuleFileSettings,
  config: RuleConfig = {},
  rules: readonly RuleFileRule[] = ruleFileRules,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    for (const rule of rules) {
      const level = config.rules?.[rule.id];
      if (level === 'off') continue;
      let findings: Finding[];
      try {
        findings = rule.check(doc, settings);
      } catch (err) {
        findings = [
          {
            pointer: '',
            severity: 'error',
            message: `rule ${rule.id} crashed: ${err instanceof Error ? err.message : String(err)}`,
            fix: 'this is a panelcraft bug; please report it with the rule file that triggers it',
          },
        ];
      }
      for (const f of findings) {
        const name = ruleNameAt(doc, f.pointer);
        const excluded = (config.exclusions ?? []).some(
          (e) =>
            e.rule === rule.id &&
            (e.dashboard === undefined || e.dashboard === doc.file) &&
            (e.panel === undefined || e.panel === name),
        );
        if (excluded) continue;
        out.push({
          rule: rule.id,
          severity: level ?? f.severity ?? rule.defaultSeverity,
          file: doc.file,
          pointer: f.pointer,
          message: f.message,
          ...(f.fix !== undefined ? { fix: f.fix } : {}),
        });
      }
    }
  }
  return out;
}

/** The alert or record name a pointer like `/groups/0/rules/3/expr` lands in. */
function ruleNameAt(doc: RuleFileDocument, pointer: string): string | undefined {
  const m = /^\/groups\/(\d+)\/rules\/(\d+)/.exec(pointer);
  if (!m || !isJsonObject(doc.content) || !Array.isArray(doc.content.groups)) return undefined;
  const group = doc.content.groups[Number(m[1])];
  const rule = isJsonObject(group) && Array.isArray(group.rules) ? group.rules[Number(m[2])] : undefined;
  if (!isJsonObject(rule)) return undefined;
  const name = rule.alert ?? rule.record;
  return typeof name === 'string' ? name : undefined;
}
