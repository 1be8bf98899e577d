import type { JsonObject } from '../../../src/model/json.ts';
import type { MetricCatalog } from '../../../src/catalog/metric-catalog.ts';
import type { Finding } from '../../../src/model/diagnostic.ts';
import type { DashboardRule } from '../../../src/validate/rule.ts';

/** A modern dashboard every lint rule accepts; tests break one thing at a time. */
export function goodDashboard(): JsonObject {
  return {
    uid: 'svc-overview',
    title: 'Service overview',
    editable: false,
    schemaVersion: 41,
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus', refresh: 1 },
        {
          name: 'job',
          type: 'query',
          query: 'label_values(up, job)',
          datasource: { type: 'prometheus', uid: '${datasource}' },
          refresh: 2,
        },
        {
          name: 'instance',
          type: 'query',
          query: 'label_values(up{job=~"$job"}, instance)',
          datasource: { type: 'prometheus', uid: '${datasource}' },
          refresh: 2,
        },
      ],
    },
    panels: [goodPanel()],
  };
}

export function goodPanel(over: JsonObject = {}): JsonObject {
  return {
    id: 1,
    type: 'timeseries',
    title: 'Request rate',
    description: 'Requests per second served, by instance.',
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    datasource: { type: 'prometheus', uid: '${datasource}' },
    fieldConfig: { defaults: { unit: 'reqps' }, overrides: [] },
    targets: [
      {
        refId: 'A',
        datasource: { type: 'prometheus', uid: '${datasource}' },
        expr: 'sum by (instance) (rate(http_requests_total{job=~"$job", instance=~"$instance"}[$__rate_interval]))',
      },
    ],
    ...over,
  };
}

export function check(rule: DashboardRule, dashboard: JsonObject, catalog?: MetricCatalog): Finding[] {
  return rule.check({ file: 'dash.json', dashboard }, { origin: 'lint', ...(catalog ? { catalog } : {}) });
}
