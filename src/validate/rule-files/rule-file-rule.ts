import type { Finding, Severity } from '../../model/diagnostic.ts';
import type { RuleFileDocument, RuleFileSettings } from './rule-file-document.ts';

/** A check on one Prometheus rule file. One file per rule under `src/validate/rule-files/rules/`. */
export interface RuleFileRule {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  check(doc: RuleFileDocument, settings: RuleFileSettings): Finding[];
}
