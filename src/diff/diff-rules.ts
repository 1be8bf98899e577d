import { isJsonObject, type JsonValue } from '../model/json.ts';
import type { RuleChange, RuleSnapshot, ValueChange } from './diff-report.ts';
import type { RuleEntry } from './rule-set.ts';
import { ruleThresholds } from './rule-thresholds.ts';
import { compareField } from './value-change.ts';

/**
 * Alert and recording rules that differ between two rule sets, one entry per rule. A rule is the same rule on both
 * sides when file, kind, name and `severity` label match (an alert often exists once per severity); when several
 * still match, group name and then order pair them. A rule that moved to another group of its file is `changed`
 * (field `group`), not removed and added.
 */
export function diffRules(before: readonly RuleEntry[], after: readonly RuleEntry[]): RuleChange[] {
  const out: RuleChange[] = [];
  const unmatchedBefore = new Set(before);
  const pairs: Array<[RuleEntry | undefined, RuleEntry | undefined]> = [];
  const take = (a: RuleEntry, key: (r: RuleEntry) => string): RuleEntry | undefined => {
    for (const b of unmatchedBefore) {
      if (key(b) === key(a)) {
        unmatchedBefore.delete(b);
        return b;
      }
    }
    return undefined;
  };
  const unmatchedAfter: RuleEntry[] = [];
  for (const a of after) {
    const b = take(a, (r) => `${identity(r)}\0${r.group}`);
    if (b) pairs.push([b, a]);
    else unmatchedAfter.push(a);
  }
  for (const a of unmatchedAfter) pairs.push([take(a, identity), a]);
  for (const b of unmatchedBefore) pairs.push([b, undefined]);

  for (const [b, a] of pairs) {
    const change = diffRule(b, a);
    if (change) out.push(change);
  }
  return out.sort(compareChanges);
}

function identity(r: RuleEntry): string {
  return `${r.file}\0${r.kind}\0${r.name}\0${severityOf(r) ?? ''}`;
}

function diffRule(before: RuleEntry | undefined, after: RuleEntry | undefined): RuleChange | undefined {
  const entry = (after ?? before)!;
  const head = {
    ruleKind: entry.kind,
    name: entry.name,
    group: entry.group,
    file: entry.file,
    ...(severityOf(entry) !== undefined ? { severity: severityOf(entry)! } : {}),
  };
  if (!before || !after) {
    const snapshot = snapshotOf(entry);
    return {
      kind: after ? 'added' : 'removed',
      ...head,
      changes: [],
      ...(after ? { after: snapshot } : { before: snapshot }),
    };
  }
  const changes: ValueChange[] = [];
  compareField(changes, 'group', before.group, after.group);
  compareField(changes, 'interval', before.interval ?? '(global)', after.interval ?? '(global)');
  const expr = (r: RuleEntry) => (typeof r.rule.expr === 'string' ? r.rule.expr : r.rule.expr);
  compareField(changes, 'expr', expr(before), expr(after));
  if (before.kind === 'alert') {
    const thresholds = (r: RuleEntry) =>
      typeof r.rule.expr === 'string' ? ruleThresholds(r.rule.expr).join(', ') || '(none)' : undefined;
    if (changes.some((c) => c.field === 'expr'))
      compareField(changes, 'thresholds', thresholds(before), thresholds(after));
    compareField(changes, 'for', durationOr0(before.rule.for), durationOr0(after.rule.for));
    compareField(
      changes,
      'keep_firing_for',
      durationOr0(before.rule.keep_firing_for),
      durationOr0(after.rule.keep_firing_for),
    );
  }
  compareMap(changes, 'labels', before.rule.labels, after.rule.labels);
  compareMap(changes, 'annotations', before.rule.annotations, after.rule.annotations);
  for (const key of [...new Set([...Object.keys(before.rule), ...Object.keys(after.rule)])].sort()) {
    if (!KNOWN.has(key)) compareField(changes, key, before.rule[key], after.rule[key]);
  }
  if (changes.length === 0) return undefined;
  return { kind: 'changed', ...head, changes, before: snapshotOf(before), after: snapshotOf(after) };
}

const KNOWN = new Set(['alert', 'record', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);

/** `for: 0s` and no `for` mean the same; compare them as equal. */
function durationOr0(value: JsonValue | undefined): JsonValue {
  return value === undefined || value === '0s' || value === '0' ? '0s' : value;
}

function compareMap(
  out: ValueChange[],
  prefix: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  const b = isJsonObject(before) ? before : {};
  const a = isJsonObject(after) ? after : {};
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort())
    compareField(out, `${prefix}.${key}`, b[key], a[key]);
}

function snapshotOf(r: RuleEntry): RuleSnapshot {
  return {
    ...(typeof r.rule.expr === 'string' ? { expr: r.rule.expr } : {}),
    ...(r.kind === 'alert' && typeof r.rule.for === 'string' ? { for: r.rule.for } : {}),
    ...(r.kind === 'alert' && typeof r.rule.expr === 'string' ? { thresholds: ruleThresholds(r.rule.expr) } : {}),
    ...(r.interval !== undefined ? { interval: r.interval } : {}),
  };
}

function severityOf(r: RuleEntry): string | undefined {
  const labels = r.rule.labels;
  return isJsonObject(labels) && typeof labels.severity === 'string' ? labels.severity : undefined;
}

function compareChanges(x: RuleChange, y: RuleChange): number {
  const a = [x.file, x.group, x.ruleKind, x.name, x.severity ?? ''];
  const b = [y.file, y.group, y.ruleKind, y.name, y.severity ?? ''];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
