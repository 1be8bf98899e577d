/** One entry of a Prometheus `metric_relabel_configs` list, as parsed from YAML. */
export interface RelabelRule {
  readonly source_labels?: readonly string[];
  readonly separator?: string;
  readonly regex?: string;
  readonly action?: string;
  readonly target_label?: string;
}

/**
 * Whether a series named `name` (and no other labels) survives `rules`, following Prometheus' semantics for the
 * actions that decide survival: `keep` and `drop` on the `;`-joined source label values, with the regex anchored at
 * both ends. Any other action (which could rename or reshape a series) throws,
 * so a config change the check cannot follow fails loudly instead of passing.
 */
export function survives(name: string, rules: readonly RelabelRule[]): boolean {
  const labels: Record<string, string> = { __name__: name };
  for (const rule of rules) {
    const action = (rule.action ?? 'replace').toLowerCase();
    if (action !== 'keep' && action !== 'drop') {
      throw new Error(`relabel action "${action}" is not simulated; extend test/deploy/relabel.ts`);
    }
    const value = (rule.source_labels ?? []).map((label) => labels[label] ?? '').join(rule.separator ?? ';');
    const matches = new RegExp(`^(?:${rule.regex ?? '(.*)'})$`).test(value);
    if (action === 'keep' && !matches) return false;
    if (action === 'drop' && matches) return false;
  }
  return true;
}
