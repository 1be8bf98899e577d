import type { AlertTest } from './alert-test.ts';
import type { RuleFile, RuleGroup } from './rule-types.ts';

/** A rule file's default export with user-written tests: `export default ruleFile([...groups], [alertTest(…)])`. */
export function ruleFile(
  groups: readonly (RuleGroup | readonly RuleGroup[])[],
  tests: readonly AlertTest[] = [],
): RuleFile {
  return { groups: groups.flat() as RuleGroup[], tests: [...tests] };
}
