import { variableReferences, type VariableReference } from '../model/grafana-variable.ts';
import { stringMemo } from '../model/string-memo.ts';

/**
 * Every template-variable reference in `text`, in order. Names made only of digits (`$1` in a
 * `label_replace` replacement) are regex back-references, not variables, and are skipped.
 */
export function findVariableRefs(text: string): readonly VariableReference[] {
  // Most strings of a dashboard hold no reference: answer those without allocating.
  if (!text.includes('$') && !text.includes('[[')) return NONE;
  return refsOf(text);
}

/**
 * The references of strings seen lately. The strings that hold references repeat: every panel and target says
 * `${datasource}`, and each query of the bench's dashboards comes 4 times; the analysis and variable-undefined both
 * ask. ~70 such strings per dashboard of the bench.
 */
const refsOf = stringMemo(4096, (text): readonly VariableReference[] => {
  const all = variableReferences(text);
  return Object.freeze(all.some(isBackReference) ? all.filter((ref) => !isBackReference(ref)) : all);
});

const NONE: readonly VariableReference[] = Object.freeze([]);

const isBackReference = (ref: VariableReference): boolean => /^\d+$/.test(ref.name);

/** Variables every dashboard has without declaring them (global and macro variables, data-link fields). */
const BUILTIN_NAMES = new Set([
  '__interval',
  '__interval_ms',
  '__rate_interval',
  '__rate_interval_ms',
  '__range',
  '__range_s',
  '__range_ms',
  '__from',
  '__to',
  '__dashboard',
  '__org',
  '__user',
  '__all',
  '__name',
  '__timezone',
  '__url_time_range',
  '__all_variables',
  '__timeFilter',
  '__timeFrom',
  '__timeTo',
  '__timeGroup',
  '__timeGroupAlias',
  '__unixEpochFrom',
  '__unixEpochTo',
  '__unixEpochFilter',
  '__unixEpochGroup',
  '__unixEpochGroupAlias',
  '__unixEpochNanoFrom',
  '__unixEpochNanoTo',
  '__unixEpochNanoFilter',
  '__timeEpoch',
  '__time',
  '__interval_s',
  '__field',
  '__series',
  '__value',
  '__cell',
  '__data',
  '__url',
  '__searchFilter',
  '__schema',
  '__table',
  '__column',
  '__auto',
  'timeFilter',
]);

/** True for Grafana's built-in variables (`$__interval`, `${__field.labels.x}`, `$timeFilter`, …). */
export function isBuiltinVariable(name: string): boolean {
  return BUILTIN_NAMES.has(name) || /^__cell_\d+$/.test(name) || name.startsWith('__auto_interval_');
}
