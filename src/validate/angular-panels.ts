/** Angular panel types Grafana 12 no longer ships, with the panel to use instead. */
export const ANGULAR_PANEL_REPLACEMENTS: Readonly<Record<string, string>> = {
  graph: 'timeseries',
  singlestat: 'stat',
  'grafana-singlestat-panel': 'stat',
  'table-old': 'table',
  'grafana-piechart-panel': 'piechart',
  'grafana-worldmap-panel': 'geomap',
};

export function angularReplacement(type: unknown): string | undefined {
  return typeof type === 'string' && Object.hasOwn(ANGULAR_PANEL_REPLACEMENTS, type)
    ? ANGULAR_PANEL_REPLACEMENTS[type]
    : undefined;
}
