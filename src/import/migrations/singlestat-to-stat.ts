import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';
import type { PanelUpgrade } from './panel-upgrade.ts';
import { LEGACY_REDUCERS, numberOrUndefined, objectOr, takeRest } from './shared.ts';

/** Keys of the Angular singlestat panel that its migrations read; gone from the upgraded panel. */
const SINGLESTAT_KEYS = [
  'valueName',
  'format',
  'tableColumn',
  'nullPointMode',
  'nullText',
  'decimals',
  'thresholds',
  'colors',
  'valueMaps',
  'rangeMaps',
  'mappingType',
  'mappingTypes',
  'gauge',
  'sparkline',
  'colorBackground',
  'colorValue',
  'prefix',
  'postfix',
  'prefixFontSize',
  'valueFontSize',
  'postfixFontSize',
  'colorPrefix',
  'colorPostfix',
  'options',
  'pluginVersion',
] as const;

/** A singlestat drawn as a gauge becomes a gauge panel, any other a stat panel. */
export function singlestatTarget(panel: JsonObject): 'stat' | 'gauge' {
  return isJsonObject(panel.gauge) && panel.gauge.show === true ? 'gauge' : 'stat';
}

/**
 * `singlestat` → `stat` (or `gauge`) as Grafana's sharedSingleStatPanelChangedHandler, statPanelChangedHandler and
 * gaugePanelChangedHandler do it: valueName to a reducer, format/decimals/nullText to field defaults, "50,80" and
 * colors to threshold steps, valueMaps/rangeMaps to value mappings, sparkline to the graph mode, colorBackground /
 * colorValue to the color mode, gauge min/max/markers/labels. Pure.
 */
export function singlestatToStat(panel: JsonObject): PanelUpgrade {
  const to = singlestatTarget(panel);
  const { rest, taken } = takeRest(panel, SINGLESTAT_KEYS);
  const notes: string[] = [];
  const lost: string[] = [];
  const valueName = typeof panel.valueName === 'string' ? panel.valueName : undefined;
  const reducer = (valueName && LEGACY_REDUCERS[valueName]) || 'mean';
  const reduceOptions: JsonObject = { calcs: [reducer] };
  if (typeof panel.tableColumn === 'string' && panel.tableColumn !== '')
    reduceOptions.fields = `/^${panel.tableColumn}$/`;
  notes.push(`valueName ${JSON.stringify(valueName ?? 'avg')} → reducer ${reducer}`);
  const options: JsonObject = { reduceOptions, orientation: 'horizontal' };

  const defaults: JsonObject = { ...objectOr(objectOr(panel.fieldConfig).defaults) };
  if (typeof panel.format === 'string' && panel.format !== '') defaults.unit = panel.format;
  if (typeof panel.nullText === 'string' && panel.nullText !== '') defaults.noValue = panel.nullText;
  if (typeof panel.decimals === 'number') defaults.decimals = panel.decimals;
  const colors = Array.isArray(panel.colors) ? panel.colors.filter((c): c is string => typeof c === 'string') : [];
  if (typeof panel.thresholds === 'string' && panel.thresholds.trim() !== '' && colors.length > 0) {
    const levels = panel.thresholds.split(',').map((s) => Number(s.trim()));
    defaults.thresholds = {
      mode: 'absolute',
      steps: colors.map((color, i) => ({ value: i === 0 ? null : (levels[i - 1] ?? null), color })),
    };
    notes.push(`thresholds "${panel.thresholds}" → ${colors.length} steps`);
  }
  const mappings = valueMappings(panel);
  if (mappings.length > 0) {
    defaults.mappings = mappings;
    notes.push(`${mappings.length} value mapping${mappings.length === 1 ? '' : 's'}`);
  }
  const gauge = objectOr(panel.gauge);
  if (gauge.show === true) {
    if (typeof gauge.minValue === 'number') defaults.min = gauge.minValue;
    if (typeof gauge.maxValue === 'number') defaults.max = gauge.maxValue;
  }
  if (panel.nullPointMode !== undefined && panel.nullPointMode !== 'connected')
    lost.push(`nullPointMode ${JSON.stringify(panel.nullPointMode)} (no stat equivalent)`);

  if (to === 'stat') {
    const sparkline = objectOr(panel.sparkline);
    options.graphMode = sparkline.show === true ? 'area' : 'none';
    notes.push(`sparkline → graph mode ${String(options.graphMode)}`);
    if (panel.colorBackground === true) options.colorMode = 'background';
    else if (panel.colorValue === true) options.colorMode = 'value';
    else {
      options.colorMode = 'none';
      if (typeof sparkline.lineColor === 'string' && options.graphMode === 'area')
        defaults.color = { mode: 'fixed', fixedColor: sparkline.lineColor };
    }
    if (valueName === 'name') options.textMode = 'name';
  } else {
    if (typeof gauge.thresholdMarkers === 'boolean') options.showThresholdMarkers = gauge.thresholdMarkers;
    if (typeof gauge.thresholdLabels === 'boolean') options.showThresholdLabels = gauge.thresholdLabels;
    notes.push('gauge min/max, threshold markers and labels');
  }
  for (const key of ['prefix', 'postfix'] as const) {
    if (typeof panel[key] === 'string' && panel[key] !== '')
      lost.push(`${key} ${JSON.stringify(panel[key])} (stat has no ${key}; put it in the unit or the title)`);
  }
  const overrides = Array.isArray(objectOr(panel.fieldConfig).overrides)
    ? (objectOr(panel.fieldConfig).overrides as JsonValue[])
    : [];
  return {
    panel: { ...rest, type: to, fieldConfig: { defaults, overrides }, options },
    from: 'singlestat',
    to,
    notes,
    lost,
    consumed: taken,
  };
}

/** valueMaps / rangeMaps (mappingType 1 / 2) as current value mappings (value, special "null", range). */
function valueMappings(panel: JsonObject): JsonValue[] {
  const valueMaps = (Array.isArray(panel.valueMaps) ? panel.valueMaps : []).filter(isJsonObject);
  const rangeMaps = (Array.isArray(panel.rangeMaps) ? panel.rangeMaps : []).filter(isJsonObject);
  const type = panel.mappingType ?? (valueMaps.length > 0 ? 1 : rangeMaps.length > 0 ? 2 : undefined);
  if (type === 1) {
    return valueMaps.flatMap((m, index): JsonValue[] => {
      const result = { text: typeof m.text === 'string' ? m.text : String(m.text), index };
      if (m.value === 'null') return [{ type: 'special', options: { match: 'null', result } }];
      if (m.value === undefined || m.value === null) return [];
      return [{ type: 'value', options: { [String(m.value)]: result } }];
    });
  }
  if (type === 2) {
    return rangeMaps.map((m, index) => ({
      type: 'range',
      options: {
        from: numberOrUndefined(m.from) ?? null,
        to: numberOrUndefined(m.to) ?? null,
        result: { text: typeof m.text === 'string' ? m.text : String(m.text), index },
      },
    }));
  }
  return [];
}
