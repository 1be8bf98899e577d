import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';
import type { PanelUpgrade } from './panel-upgrade.ts';
import { LEGACY_REDUCERS, numberOrUndefined, objectOr, takeRest } from './shared.ts';

/**
 * Keys of the Angular graph panel that its migration reads (graphToTimeseriesOptions in Grafana's
 * public/app/plugins/panel/timeseries/migrations.ts); they are gone from the upgraded panel.
 */
const GRAPH_KEYS = [
  'aliasColors',
  'bars',
  'dashLength',
  'dashes',
  'fill',
  'fillGradient',
  'legend',
  'lines',
  'linewidth',
  'nullPointMode',
  'pointradius',
  'points',
  'renderer',
  'seriesOverrides',
  'spaceLength',
  'stack',
  'steppedLine',
  'thresholds',
  'tooltip',
  'xaxis',
  'yaxes',
  'yaxis',
  'percentage',
  'options',
  'pluginVersion',
  'hiddenSeries',
  'timeRegions',
  'decimals',
] as const;

/** Angular graph panels Grafana turns into something other than a time series, by `xaxis.mode`. */
export function graphTarget(panel: JsonObject): 'timeseries' | undefined {
  const mode = isJsonObject(panel.xaxis) ? panel.xaxis.mode : undefined;
  return mode === 'series' || mode === 'histogram' ? undefined : 'timeseries';
}

/**
 * `graph` → `timeseries` as Grafana's graphToTimeseriesOptions does it: y-axes to field defaults, aliasColors and
 * seriesOverrides to overrides, flot draw settings to custom field config, thresholds to steps and a thresholds
 * style, legend and tooltip to options, nullPointMode "connected" to spanNulls. Pure.
 */
export function graphToTimeseries(panel: JsonObject): PanelUpgrade {
  const notes: string[] = [];
  const lost: string[] = [];
  const { rest, taken } = takeRest(panel, GRAPH_KEYS);
  const oldConfig = objectOr(panel.fieldConfig);
  const yaxes = Array.isArray(panel.yaxes) ? panel.yaxes : [];
  const y1 = { ...objectOr(oldConfig.defaults), ...axisConfig(yaxes[0]) };
  const custom: JsonObject = { ...objectOr(y1.custom) };
  const overrides: JsonValue[] = Array.isArray(oldConfig.overrides) ? [...oldConfig.overrides] : [];
  if (yaxes.length > 0) notes.push('y-axes → unit, decimals, min, max, axis placement/label/log scale (yaxes[0])');

  if (isJsonObject(panel.aliasColors)) {
    const colored = Object.entries(panel.aliasColors).filter(([, c]) => typeof c === 'string' && c !== '');
    for (const [alias, color] of colored) {
      overrides.push({
        matcher: { id: 'byName', options: alias },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: color } }],
      });
    }
    if (colored.length > 0)
      notes.push(`aliasColors → ${colored.length} color override${colored.length === 1 ? '' : 's'}`);
  }

  const dash = {
    fill: panel.dashes === true ? 'dash' : 'solid',
    dash: [numberOrUndefined(panel.dashLength) ?? 10, numberOrUndefined(panel.spaceLength) ?? 10],
  };
  let fillBelowTo = false;
  const seriesOverrides = (Array.isArray(panel.seriesOverrides) ? panel.seriesOverrides : []).filter(isJsonObject);
  let migratedOverrides = 0;
  for (const so of seriesOverrides) {
    if (typeof so.alias !== 'string' || so.alias === '') continue;
    const regex = /^([/~@;%#'])(.*?)\1([gimsuy]*)$/.test(so.alias);
    const properties: JsonValue[] = [];
    let dashOverride: { fill: string; dash: number[] } | undefined;
    for (const [key, v] of Object.entries(so)) {
      switch (key) {
        case 'alias':
        case '$$hashKey':
          break;
        case 'yaxis':
          if (v === 2) properties.push(...rightAxisProperties(y1, axisConfig(yaxes[1])));
          break;
        case 'fill':
          if (typeof v === 'number') properties.push({ id: 'custom.fillOpacity', value: v * 10 });
          break;
        case 'fillBelowTo':
          fillBelowTo = true;
          properties.push({ id: 'custom.fillBelowTo', value: v });
          break;
        case 'fillGradient':
          if (typeof v === 'number' && v > 0)
            properties.push(
              { id: 'custom.fillGradient', value: 'opacity' },
              { id: 'custom.fillOpacity', value: v * 10 },
            );
          break;
        case 'points':
          properties.push({ id: 'custom.showPoints', value: v ? 'always' : 'never' });
          break;
        case 'bars':
          if (v) properties.push({ id: 'custom.drawStyle', value: 'bars' }, { id: 'custom.fillOpacity', value: 100 });
          else properties.push({ id: 'custom.drawStyle', value: 'line' });
          break;
        case 'lines':
          properties.push(v ? { id: 'custom.drawStyle', value: 'line' } : { id: 'custom.lineWidth', value: 0 });
          break;
        case 'linewidth':
          properties.push({ id: 'custom.lineWidth', value: v });
          break;
        case 'pointradius':
          if (typeof v === 'number') properties.push({ id: 'custom.pointSize', value: 2 + v * 2 });
          break;
        case 'dashLength':
        case 'spaceLength':
        case 'dashes':
          dashOverride ??= { fill: dash.fill, dash: [...dash.dash] };
          if (key === 'dashLength' && typeof v === 'number') dashOverride.dash[0] = v;
          if (key === 'spaceLength' && typeof v === 'number') dashOverride.dash[1] = v;
          if (key === 'dashes') dashOverride.fill = v ? 'dash' : 'solid';
          break;
        case 'stack':
          properties.push({
            id: 'custom.stacking',
            value: { mode: v ? 'normal' : 'none', group: typeof v === 'string' ? v : 'A' },
          });
          break;
        case 'color':
          properties.push({ id: 'color', value: { fixedColor: v, mode: 'fixed' } });
          break;
        case 'transform':
          properties.push({ id: 'custom.transform', value: v === 'negative-Y' ? 'negative-Y' : 'constant' });
          break;
        default:
          lost.push(`series override "${so.alias}" ${key}`);
      }
    }
    if (dashOverride) properties.push({ id: 'custom.lineStyle', value: dashOverride });
    if (properties.length > 0) {
      overrides.push({ matcher: { id: regex ? 'byRegexp' : 'byName', options: so.alias }, properties });
      migratedOverrides++;
    }
  }
  if (migratedOverrides > 0)
    notes.push(`seriesOverrides → ${migratedOverrides} override${migratedOverrides === 1 ? '' : 's'}`);

  custom.drawStyle = panel.bars === true ? 'bars' : panel.lines === true ? 'line' : 'points';
  if (panel.points === true) {
    custom.showPoints = 'always';
    if (typeof panel.pointradius === 'number') custom.pointSize = 2 + panel.pointradius * 2;
  } else if (custom.drawStyle !== 'points') custom.showPoints = 'never';
  if (panel.linewidth !== undefined && panel.linewidth !== null) custom.lineWidth = panel.linewidth;
  if (dash.fill !== 'solid') custom.lineStyle = dash;
  if (fillBelowTo) custom.fillOpacity = 35;
  else if (typeof panel.fill === 'number') custom.fillOpacity = panel.fill * 10;
  if (typeof panel.fillGradient === 'number' && panel.fillGradient > 0) {
    custom.gradientMode = 'opacity';
    custom.fillOpacity = panel.fillGradient * 10;
  }
  custom.spanNulls = panel.nullPointMode === 'connected';
  if (panel.nullPointMode === 'null as zero')
    lost.push('nullPointMode "null as zero" (a time series shows nulls as gaps; spanNulls is off)');
  if (panel.steppedLine === true) custom.lineInterpolation = 'stepAfter';
  if (custom.drawStyle === 'bars') custom.fillOpacity = 100;
  if (panel.stack === true) {
    custom.stacking = { mode: 'normal', group: 'A' };
    notes.push('stack → stacking normal');
    if (panel.percentage === true) lost.push('percentage stacking (set stacking mode "percent" by hand if wanted)');
  }
  notes.push(`draw style ${String(custom.drawStyle)}, null handling → spanNulls ${String(custom.spanNulls)}`);

  const legendIn = isJsonObject(panel.legend) ? panel.legend : undefined;
  const legend: JsonObject = { displayMode: 'list', showLegend: true, placement: 'bottom', calcs: [] };
  if (legendIn) {
    if (legendIn.show === true) legend.displayMode = legendIn.alignAsTable === true ? 'table' : 'list';
    else legend.showLegend = false;
    if (legendIn.rightSide === true) legend.placement = 'right';
    if (legendIn.values === true)
      legend.calcs = Object.entries(legendIn).flatMap(([k, v]) =>
        v && LEGACY_REDUCERS[k] ? [LEGACY_REDUCERS[k]] : [],
      );
    if (typeof legendIn.sideWidth === 'number' && legendIn.sideWidth > 0) legend.width = legendIn.sideWidth;
    if (legendIn.hideZero === true) overrides.push(hideFromLegend('allIsZero'));
    if (legendIn.hideEmpty === true) overrides.push(hideFromLegend('allIsNull'));
    notes.push(
      `legend → ${legend.showLegend ? `${String(legend.displayMode)} at the ${String(legend.placement)}` : 'hidden'}${(legend.calcs as JsonValue[]).length > 0 ? ` with ${(legend.calcs as JsonValue[]).join(', ')}` : ''}`,
    );
  }
  const tooltip: JsonObject = { mode: 'single', sort: 'none' };
  if (isJsonObject(panel.tooltip)) {
    if (typeof panel.tooltip.shared === 'boolean') tooltip.mode = panel.tooltip.shared ? 'multi' : 'single';
    if (panel.tooltip.shared === true)
      tooltip.sort = panel.tooltip.sort === 1 ? 'asc' : panel.tooltip.sort === 2 ? 'desc' : 'none';
  }

  const thresholds = (Array.isArray(panel.thresholds) ? panel.thresholds : []).filter(isJsonObject);
  if (thresholds.length > 0) {
    const sorted = [...thresholds].sort((a, b) => (Number(a.value) > Number(b.value) ? 1 : -1));
    const steps: JsonObject[] = [];
    let area = false;
    let line = false;
    sorted.forEach((t, i) => {
      const next = sorted[i + 1];
      if (t.fill === true) area = true;
      if (t.line === true) line = true;
      const value = numberOrUndefined(t.value) ?? null;
      if (t.op === 'gt') steps.push({ value, color: thresholdColor(t) });
      if (t.op === 'lt') {
        if (steps.length === 0) steps.push({ value: null, color: thresholdColor(t) });
        if (next && next.op === 'gt' && Number(next.value) > Number(t.value))
          steps.push({ value, color: 'transparent' });
        else if (next && next.op === 'lt') steps.push({ value, color: thresholdColor(next) });
        else steps.push({ value, color: 'transparent' });
      }
    });
    if (steps.length > 0 && steps[0]!.value !== null) steps.unshift({ color: 'transparent', value: null });
    custom.thresholdsStyle = { mode: line && area ? 'line+area' : area ? 'area' : 'line' };
    y1.thresholds = { mode: 'absolute', steps };
    notes.push(
      `${thresholds.length} threshold${thresholds.length === 1 ? '' : 's'} → steps, shown as ${String((custom.thresholdsStyle as JsonObject).mode)}`,
    );
  }
  const xaxis = isJsonObject(panel.xaxis) ? panel.xaxis : undefined;
  if (xaxis && xaxis.show === false && (xaxis.mode === 'time' || xaxis.mode === undefined)) {
    overrides.push({
      matcher: { id: 'byType', options: 'time' },
      properties: [{ id: 'custom.axisPlacement', value: 'hidden' }],
    });
  }
  if (Array.isArray(panel.timeRegions) && panel.timeRegions.length > 0)
    lost.push('timeRegions (Grafana turns them into dashboard annotations; add a time-regions annotation by hand)');
  if (typeof panel.decimals === 'number')
    lost.push("decimals (the graph legend's decimals; set decimals on the field if wanted)");

  y1.custom = custom;
  const upgraded: JsonObject = {
    ...rest,
    type: 'timeseries',
    fieldConfig: { defaults: y1, overrides },
    options: { legend, tooltip },
  };
  return { panel: upgraded, from: 'graph', to: 'timeseries', notes, lost, consumed: taken };
}

/** Field config of a flot y-axis (getFieldConfigFromOldAxis). */
function axisConfig(axis: JsonValue | undefined): JsonObject {
  if (!isJsonObject(axis)) return {};
  const custom: JsonObject = { axisPlacement: axis.show === false ? 'hidden' : 'auto' };
  if (typeof axis.label === 'string' && axis.label !== '') custom.axisLabel = axis.label;
  if (axis.logBase === 2 || axis.logBase === 10) custom.scaleDistribution = { type: 'log', log: axis.logBase };
  const out: JsonObject = {};
  if (typeof axis.format === 'string') out.unit = axis.format;
  for (const key of ['decimals', 'min', 'max'] as const) {
    const n = numberOrUndefined(axis[key]);
    if (n !== undefined) out[key] = n;
  }
  out.custom = custom;
  return out;
}

/** The right axis as override properties: what differs from the left one (fillY2DynamicValues). */
function rightAxisProperties(y1: JsonObject, y2: JsonObject): JsonValue[] {
  const out: JsonValue[] = [];
  for (const [key, value] of Object.entries(y2))
    if (key !== 'custom' && value !== y1[key]) out.push({ id: key, value });
  const c1 = objectOr(y1.custom);
  for (const [key, value] of Object.entries(objectOr(y2.custom)))
    if (JSON.stringify(value) !== JSON.stringify(c1[key])) out.push({ id: `custom.${key}`, value });
  return out;
}

function thresholdColor(t: JsonObject): string {
  if (t.colorMode === 'warning') return 'orange';
  if (t.colorMode === 'custom') {
    const c = (typeof t.fillColor === 'string' && t.fillColor) || (typeof t.lineColor === 'string' && t.lineColor);
    return c || 'red';
  }
  return 'red';
}

function hideFromLegend(reducer: string): JsonObject {
  return {
    matcher: { id: 'byValue', options: { reducer, op: 'gte', value: 0 } },
    properties: [{ id: 'custom.hideFrom', value: { tooltip: true, viz: false, legend: true } }],
  };
}
