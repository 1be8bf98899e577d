import { isJsonObject, stringAt } from '../../model/json.ts';
import { datasourceVariableName } from '../datasource-refs.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { isImportPlaceholder } from '../import-placeholder-names.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { templateVariables } from '../template-variables.ts';

/**
 * Datasource references resolve: an object with a string uid or type; a variable uid (`${ds}`) names a declared
 * datasource variable. Built-ins (`-- Grafana --`, `-- Mixed --`, `-- Dashboard --`) and `null` (default) pass.
 */
export const datasourceRef: DashboardRule = {
  id: 'datasource-ref',
  description: 'datasource references are well-formed and their variables are declared datasource variables',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const variables = new Map(templateVariables(dashboard).map((v) => [v.name, v]));
    const out: Finding[] = [];
    for (const { value, pointer } of analysisFor(doc, settings, analysis).datasourceRefs) {
      if (value === null || (typeof value === 'string' && datasourceVariableName(value) === undefined)) continue;
      let uid: string | undefined;
      let at = pointer;
      if (typeof value === 'string') uid = value;
      else if (isJsonObject(value)) {
        const rawUid = value.uid;
        if (rawUid !== undefined && rawUid !== null && typeof rawUid !== 'string') {
          out.push({
            pointer: `${pointer}/uid`,
            message: `datasource uid ${JSON.stringify(rawUid)} is not a string`,
            fix: 'write the uid as a string, e.g. "${datasource}"',
          });
          continue;
        }
        if (typeof rawUid !== 'string' && stringAt(value, 'type') === undefined) {
          out.push({
            pointer,
            message: `datasource reference ${JSON.stringify(value)} has neither "uid" nor "type"`,
            fix: 'write {"type": "prometheus", "uid": "${datasource}"}',
          });
          continue;
        }
        uid = typeof rawUid === 'string' ? rawUid : undefined;
        at = `${pointer}/uid`;
      } else {
        out.push({
          pointer,
          message: `datasource ${JSON.stringify(value)} is neither a {type, uid} object nor null`,
          fix: 'write {"type": "prometheus", "uid": "${datasource}"}',
        });
        continue;
      }
      const name = uid === undefined ? undefined : datasourceVariableName(uid);
      if (name === undefined || isImportPlaceholder(dashboard, name)) continue;
      const variable = variables.get(name);
      if (!variable) {
        out.push({
          pointer: at,
          message: `datasource "${uid}" refers to no template variable; Grafana reports "Datasource ${uid} was not found"`,
          fix: `declare it: \`new DatasourceVariableBuilder('${name}').type('prometheus')\``,
        });
      } else if (variable.type !== 'datasource') {
        out.push({
          pointer: at,
          message: `datasource "${uid}" refers to variable "${name}" of type ${JSON.stringify(variable.type ?? null)}, not a datasource variable`,
          fix: `make "${name}" a datasource variable (DatasourceVariableBuilder) or point at one`,
        });
      }
    }
    return out;
  },
};
