import type { JsonObject } from '../../src/model/json.ts';

/** A small dashboard in the shape panelcraft builds. */
export function dashboard(uid: string, title: string, panels: JsonObject[], extra: JsonObject = {}): JsonObject {
  return {
    uid,
    title,
    tags: ['go'],
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    schemaVersion: 41,
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
          current: { text: 'Prometheus', value: 'prometheus' },
        },
        {
          name: 'job',
          type: 'query',
          query: { query: 'label_values(up, job)', refId: 'PrometheusVariableQueryEditor-VariableQuery' },
          current: {},
        },
      ],
    },
    panels,
    ...extra,
  };
}

export function panel(
  id: number,
  title: string,
  x: number,
  y: number,
  exprs: string[],
  type = 'timeseries',
  w = 12,
  h = 8,
): JsonObject {
  return {
    id,
    title,
    type,
    description: `${title} of the service`,
    gridPos: { x, y, w, h },
    datasource: { type: 'prometheus', uid: '${datasource}' },
    fieldConfig: {
      defaults: { unit: 'reqps', thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }] } },
      overrides: [],
    },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true } },
    targets: exprs.map((expr, i) => ({
      refId: String.fromCharCode(65 + i),
      expr,
      legendFormat: '{{instance}}',
      datasource: { type: 'prometheus', uid: '${datasource}' },
    })),
  };
}

/** Dashboard JSON as the build writes it: 2-space indent, final newline. */
export function toFile(d: JsonObject): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
