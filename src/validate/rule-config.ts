import type { JsonObject } from '../model/json.ts';
import type { Diagnostic, Severity } from '../model/diagnostic.ts';

/** Severity a user may set per rule; `off` drops the rule's findings. */
export type RuleLevel = Severity | 'off';

/** Silences one rule for one dashboard or panel, and says why (reviewed like code). */
export interface RuleExclusion {
  readonly rule: string;
  /** Dashboard uid or file path (as shown in diagnostics); omitted = every dashboard. */
  readonly dashboard?: string;
  /** Panel title; omitted = the whole dashboard. */
  readonly panel?: string;
  readonly reason: string;
}

export interface RuleConfig {
  /** Per-rule level overrides, by rule id. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  readonly exclusions?: readonly RuleExclusion[];
}

/** What `applyRuleConfig` needs to know of a document: its file and its uid, to match exclusions by either. */
export interface ConfiguredDocument {
  readonly file: string;
  readonly uid?: string;
}

/** A dashboard document as `applyRuleConfig` needs it. */
export function configuredDocument(doc: { readonly file: string; readonly dashboard: JsonObject }): ConfiguredDocument {
  const uid = doc.dashboard.uid;
  return typeof uid === 'string' ? { file: doc.file, uid } : { file: doc.file };
}

/**
 * The one place rule levels and exclusions take effect, for `build` and `lint` alike: `off` drops a rule's
 * diagnostics, a level replaces their severity, and an exclusion drops those of its rule on its dashboard (uid or
 * file) and panel (title). An exclusion naming a panel never matches a diagnostic outside panels.
 */
export function applyRuleConfig(
  diagnostics: readonly Diagnostic[],
  config: RuleConfig,
  docs: readonly ConfiguredDocument[],
): Diagnostic[] {
  const rules = config.rules ?? {};
  const exclusions = config.exclusions ?? [];
  if (Object.keys(rules).length === 0 && exclusions.length === 0) return [...diagnostics];
  const uidOf = new Map(docs.map((d) => [d.file, d.uid]));
  return diagnostics.flatMap((d) => {
    const level = rules[d.rule];
    if (level === 'off') return [];
    const uid = uidOf.get(d.file);
    const excluded = exclusions.some(
      (e) =>
        e.rule === d.rule &&
        (e.dashboard === undefined || e.dashboard === d.file || (uid !== undefined && e.dashboard === uid)) &&
        (e.panel === undefined || e.panel === d.panel),
    );
    if (excluded) return [];
    return [level ? { ...d, severity: level } : d];
  });
}
