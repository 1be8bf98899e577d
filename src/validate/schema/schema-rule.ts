import type { ErrorObject, ValidateFunction } from 'ajv';
import { isJsonObject, objectAt, type JsonObject, type JsonValue } from '../../model/json.ts';
import { dashboardValidator, panelValidators } from '../../../schema/index.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { collapseErrors } from './collapse-errors.ts';
import { errorToFinding, type SchemaSection } from './error-finding.ts';

/**
 * Validates a dashboard against the JSON Schema generated from @grafana/schema (`schema/`, precompiled by
 * `npm run gen:schema`): the dashboard model, then each core panel's `options` and `fieldConfig.defaults.custom`.
 * Plugin panels (types @grafana/schema does not ship) and library panel references are skipped.
 */
export const schemaRule: DashboardRule = {
  id: 'schema',
  description:
    'dashboard JSON matches the types of @grafana/schema (dashboard model, core panel options and field config)',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const dashboard = doc.dashboard;
    const findings = run(dashboard, dashboardValidator, dashboard, '', { kind: 'dashboard' });
    for (const { panel, pointer } of analysisFor(doc, settings, analysis).panels) {
      if (typeof panel.type !== 'string' || 'libraryPanel' in panel) continue;
      const validators = Object.hasOwn(panelValidators, panel.type) ? panelValidators[panel.type] : undefined;
      if (!validators) continue;
      const options = panel.options;
      if (isJsonObject(options)) {
        findings.push(
          ...run(dashboard, validators.options, options, `${pointer}/options`, {
            kind: 'options',
            pluginId: panel.type,
            panelPointer: pointer,
          }),
        );
      }
      const custom = objectAt(objectAt(objectAt(panel, 'fieldConfig') ?? {}, 'defaults') ?? {}, 'custom');
      if (custom && validators.fieldConfig) {
        findings.push(
          ...run(dashboard, validators.fieldConfig, custom, `${pointer}/fieldConfig/defaults/custom`, {
            kind: 'fieldConfig',
            pluginId: panel.type,
            panelPointer: pointer,
          }),
        );
      }
    }
    return findings;
  },
};

function run(
  dashboard: JsonObject,
  validate: ValidateFunction,
  data: JsonValue,
  prefix: string,
  section: SchemaSection,
): Finding[] {
  if (validate(data)) return [];
  const errors: ErrorObject[] = (validate.errors ?? []).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
  return collapseErrors(errors).map((e) => errorToFinding(dashboard, e, section));
}
