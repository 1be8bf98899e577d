import type { DefaultExport } from '../model/loaded-dashboard.ts';
import type { AlertTest } from './alert-test.ts';
import type { Rule, RuleGroup } from './rule-types.ts';

export type RuleFileValue =
  | { readonly ok: true; readonly groups: RuleGroup[]; readonly tests: AlertTest[] }
  | { readonly ok: false; readonly message: string; readonly fix: string };

export const RULES_EXPORT_FIX =
  "`export default [...goServiceAlerts({ convention: clientGolang(), job: 'api' }), ...goServiceSlo({ convention: clientGolang(), job: 'api' })]` (or one ruleGroup({ … }))";

/** An `alerts/**.ts` module's default export, for the loader. */
export const RULES_EXPORT: DefaultExport = { what: 'rule groups', fix: RULES_EXPORT_FIX };

/**
 * The rule groups an `alerts/**.ts` module default-exports: one group, an array of groups (nested arrays flattened,
 * as spreading presets gives), or `{ groups }`. Anything else is the user's mistake, named with what was found.
 */
export function ruleFileValue(exported: unknown): RuleFileValue {
  const value =
    isObject(exported) && !Array.isArray(exported) && Array.isArray(exported.groups) ? exported.groups : exported;
  const groups: RuleGroup[] = [];
  const visit = (v: unknown, at: string): string | undefined => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const problem = visit(v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!isGroup(v)) return `${at} is ${describe(v)}, not a rule group`;
    groups.push(v);
    return undefined;
  };
  const problem = visit(value, 'the default export');
  if (problem !== undefined)
    return {
      ok: false,
      message: `must \`export default\` rule groups: ${problem}`,
      fix: `build them with ruleGroup() or the presets: ${RULES_EXPORT_FIX}`,
    };
  if (groups.length === 0)
    return { ok: false, message: 'exports no rule group', fix: `export at least one group: ${RULES_EXPORT_FIX}` };
  const tests = isObject(exported) && !Array.isArray(exported) && Array.isArray(exported.tests) ? exported.tests : [];
  const bad = tests.findIndex(
    (t) => !(isObject(t) && typeof t.alert === 'string' && isObject(t.case) && Array.isArray(t.case.series)),
  );
  if (bad >= 0)
    return {
      ok: false,
      message: `tests[${bad}] is ${describe(tests[bad])}, not an alert test`,
      fix: "write tests with alertTest('AlertName', { name, series, evalTime, expect })",
    };
  return { ok: true, groups, tests: tests as AlertTest[] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isGroup(v: unknown): v is RuleGroup {
  return (
    isObject(v) &&
    typeof v.name === 'string' &&
    Array.isArray(v.rules) &&
    v.rules.every(isRule) &&
    (v.notes === undefined || Array.isArray(v.notes))
  );
}

function isRule(v: unknown): v is Rule {
  if (!isObject(v) || typeof v.expr !== 'string') return false;
  return (v.kind === 'alert' && typeof v.alert === 'string') || (v.kind === 'record' && typeof v.record === 'string');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (isObject(v))
    return `an object with keys ${
      Object.keys(v)
        .slice(0, 5)
        .map((k) => `\`${k}\``)
        .join(', ') || '(none)'
    }`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
