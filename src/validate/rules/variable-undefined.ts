import { arrayAt, isJsonObject, objectAt, type JsonObject, type JsonValue } from '../../model/json.ts';
import { didYouMean } from '../../catalog/suggest.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { isImportPlaceholder } from '../import-placeholder-names.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { stringValuesOutside } from '../string-values.ts';
import { templateVariables } from '../template-variables.ts';
import { findVariableRefs, isBuiltinVariable } from '../variable-refs.ts';

/**
 * Every `$var` in targets, titles, descriptions, links and variable queries is a declared variable or a Grafana
 * built-in; Grafana leaves an unknown one as literal text in the query. Datasource uids are checked by datasource-ref,
 * `${DS_…}` by import-placeholders.
 */
export const variableUndefined: DashboardRule = {
  id: 'variable-undefined',
  description: 'every $variable used is declared or a Grafana built-in',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const declared = new Set(templateVariables(dashboard).map((v) => v.name));
    const out: Finding[] = [];
    const scan = (value: JsonValue | undefined, base: string) => {
      if (value === undefined) return;
      for (const s of stringValuesOutside(value, base, 'datasource', hasReferences)) {
        for (const ref of findVariableRefs(s.value)) {
          if (declared.has(ref.name) || isBuiltinVariable(ref.name) || isImportPlaceholder(dashboard, ref.name))
            continue;
          out.push({
            pointer: s.pointer,
            message: `"${ref.text}" refers to no template variable${didYouMean(ref.name, declared)}; Grafana leaves it as literal text`,
            fix: `declare a variable named "${ref.name}" in templating.list (e.g. \`new QueryVariableBuilder('${ref.name}')\`) or fix the name`,
          });
        }
      }
    };
    scan(dashboard.title, '/title');
    scan(dashboard.links, '/links');
    for (const { panel, pointer } of analysisFor(doc, settings, analysis).panels) {
      for (const key of ['title', 'description', 'links', 'targets'] as const) scan(panel[key], `${pointer}/${key}`);
      scanFieldLinks(panel, pointer, scan);
    }
    for (const v of templateVariables(dashboard)) {
      for (const key of ['query', 'definition', 'regex'] as const) scan(v.variable[key], `${v.pointer}/${key}`);
    }
    return out;
  },
};

function scanFieldLinks(
  panel: JsonObject,
  pointer: string,
  scan: (v: JsonValue | undefined, base: string) => void,
): void {
  const fieldConfig = objectAt(panel, 'fieldConfig');
  const defaults = fieldConfig ? objectAt(fieldConfig, 'defaults') : undefined;
  if (defaults) scan(defaults.links, `${pointer}/fieldConfig/defaults/links`);
  arrayAt(fieldConfig ?? {}, 'overrides').forEach((o, i) => {
    if (!isJsonObject(o)) return;
    arrayAt(o, 'properties').forEach((p, j) => {
      if (isJsonObject(p) && p.id === 'links')
        scan(p.value, `${pointer}/fieldConfig/overrides/${i}/properties/${j}/value`);
    });
  });
}

/** Only strings with a reference can name an undefined variable (findVariableRefs remembers the answer for the loop). */
const hasReferences = (text: string): boolean => findVariableRefs(text).length > 0;
