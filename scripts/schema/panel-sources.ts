/**
 * Core panel plugins whose option types @grafana/schema ships, keyed by the plugin id that appears in a panel's
 * `type`. `dir` is the folder under `dist/types/raw/composable/`. Feature-flagged previews (`xychart2`,
 * `logsnew`, `logstable`, `newgauge`) and the dev-only `debug` panel are left out on purpose: their ids are not
 * what a dashboard's `type` holds. `datagrid` is listed in the brief but @grafana/schema ships no types for it.
 */
export interface PanelSource {
  readonly pluginId: string;
  readonly dir: string;
}

export const PANEL_SOURCES: readonly PanelSource[] = [
  { pluginId: 'annolist', dir: 'annotationslist' },
  { pluginId: 'barchart', dir: 'barchart' },
  { pluginId: 'bargauge', dir: 'bargauge' },
  { pluginId: 'candlestick', dir: 'candlestick' },
  { pluginId: 'canvas', dir: 'canvas' },
  { pluginId: 'dashlist', dir: 'dashboardlist' },
  { pluginId: 'gauge', dir: 'gauge' },
  { pluginId: 'geomap', dir: 'geomap' },
  { pluginId: 'heatmap', dir: 'heatmap' },
  { pluginId: 'histogram', dir: 'histogram' },
  { pluginId: 'logs', dir: 'logs' },
  { pluginId: 'news', dir: 'news' },
  { pluginId: 'nodeGraph', dir: 'nodegraph' },
  { pluginId: 'piechart', dir: 'piechart' },
  { pluginId: 'stat', dir: 'stat' },
  { pluginId: 'state-timeline', dir: 'statetimeline' },
  { pluginId: 'status-history', dir: 'statushistory' },
  { pluginId: 'table', dir: 'table' },
  { pluginId: 'text', dir: 'text' },
  { pluginId: 'timeseries', dir: 'timeseries' },
  { pluginId: 'trend', dir: 'trend' },
  { pluginId: 'xychart', dir: 'xychart' },
];
