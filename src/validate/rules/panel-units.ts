import { arrayAt, isJsonObject, objectAt, stringAt } from '../../model/json.ts';
import { didYouMean } from '../../catalog/suggest.ts';
import type { Finding } from '../../model/diagnostic.ts';
import { isGrafanaUnit, knownUnitIds } from '../grafana-units.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

/** Panels whose values mean nothing without a unit (dashboard-linter's panel-units-rule). */
const NEEDS_UNIT = new Set(['timeseries', 'stat', 'gauge', 'bargauge']);

/** Units are Grafana unit ids (an unknown id is printed as a literal suffix); value panels set one. */
export const panelUnits: DashboardRule = {
  id: 'panel-units',
  description: 'units are Grafana unit ids; timeseries, stat, gauge and bargauge panels set a unit',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const out: Finding[] = [];
    const checkUnit = (unit: unknown, pointer: string) => {
      if (unit === undefined || unit === '') return;
      if (typeof unit === 'string' && isGrafanaUnit(unit)) return;
      out.push({
        pointer,
        message: `unit ${JSON.stringify(unit)} is not a Grafana unit id; Grafana shows it as a literal suffix${typeof unit === 'string' ? didYouMean(unit, knownUnitIds()) : ''}`,
        fix: 'use a constant from \'@grafana/grafana-foundation-sdk/units\' (e.g. units.RequestsPerSecond), or a custom form such as "suffix: req"',
      });
    };
    for (const { panel, pointer } of analysisFor(doc, settings, analysis).panels) {
      const fieldConfig = objectAt(panel, 'fieldConfig');
      const defaults = fieldConfig ? objectAt(fieldConfig, 'defaults') : undefined;
      const unit = defaults?.unit;
      checkUnit(unit, `${pointer}/fieldConfig/defaults/unit`);
      arrayAt(fieldConfig ?? {}, 'overrides').forEach((o, i) => {
        if (!isJsonObject(o)) return;
        arrayAt(o, 'properties').forEach((p, j) => {
          if (isJsonObject(p) && p.id === 'unit')
            checkUnit(p.value, `${pointer}/fieldConfig/overrides/${i}/properties/${j}/value`);
        });
      });
      arrayAt(panel, 'yaxes').forEach((axis, i) => {
        if (isJsonObject(axis)) checkUnit(axis.format, `${pointer}/yaxes/${i}/format`);
      });
      const type = stringAt(panel, 'type');
      if (type !== undefined && NEEDS_UNIT.has(type) && (unit === undefined || unit === '')) {
        out.push({
          pointer: `${pointer}/fieldConfig/defaults/unit`,
          severity: 'warning',
          message: `${type} panel sets no unit; values are shown as bare numbers`,
          fix: ".unit(units.…) with a constant from '@grafana/grafana-foundation-sdk/units' (units.Short for plain counts)",
        });
      }
    }
    return out;
  },
};
