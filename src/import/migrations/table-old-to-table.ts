import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';
import type { PanelUpgrade } from './panel-upgrade.ts';
import { LEGACY_REDUCERS, takeRest } from './shared.ts';

const TABLE_OLD_KEYS = [
  'styles',
  'columns',
  'transform',
  'fontSize',
  'scroll',
  'showHeader',
  'sort',
  'pageSize',
  'options',
  'pluginVersion',
] as const;

/** table-old `transform` → transformation id (transformsMap). */
const TRANSFORMS: Readonly<Record<string, string>> = {
  timeseries_to_rows: 'seriesToRows',
  timeseries_to_columns: 'seriesToColumns',
  timeseries_aggregations: 'reduce',
  table: 'merge',
};
/** Style colorMode → cell type (colorModeMap). */
const CELL_TYPES: Readonly<Record<string, string>> = {
  cell: 'color-background',
  row: 'color-background',
  value: 'color-text',
};

/**
 * `table-old` → `table` as Grafana's tablePanelChangedHandler does it: `transform` to a transformation (with the
 * `columns` as reducers for aggregations), the "/.*\/" style to field defaults, every other style to an override
 * (alias, unit, decimals, date format, link, color mode, align, thresholds). Pure.
 */
export function tableOldToTable(panel: JsonObject): PanelUpgrade {
  const { rest, taken } = takeRest(panel, TABLE_OLD_KEYS);
  const notes: string[] = [];
  const lost: string[] = [];
  const transformations: JsonValue[] = Array.isArray(panel.transformations) ? [...panel.transformations] : [];
  const transform = typeof panel.transform === 'string' ? panel.transform : undefined;
  if (transform && TRANSFORMS[transform]) {
    const options: JsonObject = { reducers: [] };
    if (transform === 'timeseries_aggregations') {
      options.includeTimeField = false;
      options.reducers = (Array.isArray(panel.columns) ? panel.columns : [])
        .filter(isJsonObject)
        .flatMap((c) => (typeof c.value === 'string' && LEGACY_REDUCERS[c.value] ? [LEGACY_REDUCERS[c.value]!] : []));
    }
    transformations.push({ id: TRANSFORMS[transform]!, options });
    notes.push(`transform ${transform} → ${TRANSFORMS[transform]!} transformation`);
  } else if (transform) lost.push(`transform ${JSON.stringify(transform)} (no equivalent)`);
  const styles = (Array.isArray(panel.styles) ? panel.styles : []).filter(isJsonObject);
  const base = styles.find((s) => s.pattern === '/.*/');
  const defaults = base ? styleDefaults(base) : { custom: {} };
  const overrides = styles.filter((s) => s.pattern !== '/.*/').map(styleOverride);
  if (styles.length > 0)
    notes.push(
      `${styles.length} column style${styles.length === 1 ? '' : 's'} → ${base ? 'field defaults and ' : ''}${overrides.length} override${overrides.length === 1 ? '' : 's'}`,
    );
  for (const s of styles)
    if (s.type === 'hidden')
      lost.push(`hidden column style "${String(s.pattern)}" (hide the field with an organize transformation)`);
  if (isJsonObject(panel.sort) && panel.sort.col !== undefined && panel.sort.col !== null)
    lost.push('sort by column index (pick the sort column again)');
  const upgraded: JsonObject = {
    ...rest,
    type: 'table',
    fieldConfig: { defaults, overrides },
    options: { showHeader: panel.showHeader !== false },
    transformations,
  };
  return { panel: upgraded, from: 'table-old', to: 'table', notes, lost, consumed: taken };
}

function steps(thresholds: JsonValue | undefined, colors: JsonValue | undefined): JsonValue[] {
  const levels = Array.isArray(thresholds) ? thresholds : [];
  const palette = Array.isArray(colors) ? colors : [];
  return [null, ...levels].map((t, i) => ({
    color: palette[i] ?? null,
    value: t === null ? null : typeof t === 'number' ? t : Number.parseInt(String(t), 10),
  }));
}

function styleDefaults(style: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (typeof style.unit === 'string') out.unit = style.unit;
  if (typeof style.decimals === 'number') out.decimals = style.decimals;
  if (typeof style.alias === 'string' && style.alias !== '') out.displayName = style.alias;
  const custom: JsonObject = {};
  if (typeof style.align === 'string' && style.align !== 'auto') custom.align = style.align;
  if (Array.isArray(style.thresholds) && style.thresholds.length > 0)
    out.thresholds = { mode: 'absolute', steps: steps(style.thresholds, style.colors) };
  if (typeof style.colorMode === 'string' && CELL_TYPES[style.colorMode])
    custom.cellOptions = { type: CELL_TYPES[style.colorMode]! };
  out.custom = custom;
  return out;
}

function styleOverride(style: JsonObject): JsonValue {
  const pattern = typeof style.pattern === 'string' ? style.pattern : '';
  const properties: JsonValue[] = [];
  if (typeof style.alias === 'string' && style.alias !== '') properties.push({ id: 'displayName', value: style.alias });
  if (typeof style.unit === 'string' && style.unit !== '') properties.push({ id: 'unit', value: style.unit });
  if (typeof style.decimals === 'number' && style.decimals !== 0)
    properties.push({ id: 'decimals', value: style.decimals });
  if (style.type === 'date') properties.push({ id: 'unit', value: `time: ${String(style.dateFormat)}` });
  if (style.link === true) {
    properties.push({
      id: 'links',
      value: [
        {
          title: typeof style.linkTooltip === 'string' ? style.linkTooltip : '',
          url: typeof style.linkUrl === 'string' ? style.linkUrl : '',
          targetBlank: style.linkTargetBlank === true,
        },
      ],
    });
  }
  if (typeof style.colorMode === 'string' && CELL_TYPES[style.colorMode])
    properties.push({ id: 'custom.cellOptions', value: { type: CELL_TYPES[style.colorMode]! } });
  if (typeof style.align === 'string')
    properties.push({ id: 'custom.align', value: style.align === 'auto' ? null : style.align });
  if (Array.isArray(style.thresholds) && style.thresholds.length > 0)
    properties.push({ id: 'thresholds', value: { mode: 'absolute', steps: steps(style.thresholds, style.colors) } });
  return { matcher: { id: /^\/.*\/$/.test(pattern) ? 'byRegexp' : 'byName', options: pattern }, properties };
}
