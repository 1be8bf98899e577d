import fc from 'fast-check';

/** Values that show up where a dashboard expects something else. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 50 }),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({}),
);
const variableText = fc.constantFrom(
  '$job',
  '${instance}',
  '[[node]]',
  '$__rate_interval',
  '${DS_PROMETHEUS}',
  '$undefined',
  '$1',
  '${__field.labels.x}',
  '$',
);
const exprText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'rate(',
        'http_requests_total',
        '{job=~"',
        '"}',
        '[5m]',
        ')',
        ' by (le) ',
        'sum(',
        'up',
        ' / ',
        'offset ',
        '@ ',
        '"',
        '`',
        '{',
        '}',
        '[',
        ']',
        ' ',
      ),
      variableText,
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const datasource = fc.oneof(
  junk,
  fc.constantFrom('Prometheus', '${DS_PROMETHEUS}', '$datasource', '-- Grafana --'),
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('prometheus', 'loki', 'datasource', 'grafana'), junk),
      uid: fc.oneof(fc.constantFrom('${datasource}', '${ds}', 'P123', '-- Mixed --', '$job'), junk),
    },
    { requiredKeys: [] },
  ),
);
const target = fc.record(
  {
    refId: fc.oneof(fc.constantFrom('A', 'B'), junk),
    expr: fc.oneof(exprText, junk),
    datasource,
    legendFormat: fc.oneof(variableText, junk),
  },
  { requiredKeys: [] },
);
const panelType = fc.oneof(
  fc.constantFrom(
    'timeseries',
    'graph',
    'singlestat',
    'stat',
    'row',
    'text',
    'table-old',
    'gauge',
    'heatmap',
    'alertlist',
  ),
  junk,
);
const leafPanel = fc.record(
  {
    id: fc.oneof(fc.integer({ min: 0, max: 5 }), junk),
    type: panelType,
    title: fc.oneof(fc.constantFrom('Request rate', 'CPU', '', '$job rate', '[[node]]'), junk),
    description: fc.oneof(fc.string({ maxLength: 6 }), junk),
    datasource,
    targets: fc.oneof(fc.array(fc.oneof(target, junk), { maxLength: 3 }), junk),
    gridPos: fc.oneof(
      fc.record(
        {
          x: fc.integer({ min: -2, max: 30 }),
          y: fc.integer({ min: -2, max: 30 }),
          w: fc.integer({ min: -2, max: 30 }),
          h: fc.integer({ min: -2, max: 30 }),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    fieldConfig: fc.oneof(
      fc.record(
        {
          defaults: fc.oneof(
            fc.record(
              { unit: fc.oneof(fc.constantFrom('reqps', 'req/s', 'suffix:x', ''), junk) },
              { requiredKeys: [] },
            ),
            junk,
          ),
          overrides: fc.oneof(fc.constant([{ properties: [{ id: 'unit', value: 'nope' }] }]), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    repeat: fc.oneof(fc.constantFrom('job', 'pod'), junk),
    libraryPanel: fc.oneof(fc.record({ uid: fc.string({ maxLength: 4 }), name: fc.string({ maxLength: 4 }) }), junk),
    yaxes: fc.oneof(fc.constant([{ format: 'short' }, { format: 'bogus' }]), junk),
    links: fc.oneof(fc.constant([{ url: '/d/x?var-a=$a&${__url_time_range}' }]), junk),
  },
  { requiredKeys: [] },
);
const panel = fc.oneof(
  leafPanel,
  leafPanel.map((p) => ({ ...p, type: 'row', panels: [p, p] })),
);
const variable = fc.record(
  {
    name: fc.oneof(fc.constantFrom('job', 'instance', 'datasource', 'node', 'DS_PROMETHEUS'), junk),
    type: fc.oneof(fc.constantFrom('query', 'datasource', 'custom', 'adhoc', 'interval', 'constant'), junk),
    query: fc.oneof(fc.constantFrom('prometheus', 'label_values(up{job=~"$job"}, instance)'), junk),
    refresh: fc.oneof(fc.constantFrom(0, 1, 2), junk),
    datasource,
  },
  { requiredKeys: [] },
);

/** Dashboard-shaped JSON, mostly plausible, often wrong in one place. */
export const dashboardLike = fc.record(
  {
    uid: fc.oneof(fc.constantFrom('svc', 'bad uid!', ''), junk),
    title: fc.oneof(fc.constantFrom('Service', ''), junk),
    schemaVersion: fc.oneof(fc.constantFrom(16, 27, 33, 39, 41, 42), junk),
    editable: fc.oneof(fc.boolean(), junk),
    panels: fc.oneof(fc.array(panel, { maxLength: 5 }), junk),
    rows: fc.oneof(
      fc.array(fc.record({ title: fc.string({ maxLength: 4 }), panels: fc.array(leafPanel, { maxLength: 2 }) }), {
        maxLength: 2,
      }),
      junk,
    ),
    templating: fc.oneof(
      fc.record({ list: fc.oneof(fc.array(fc.oneof(variable, junk), { maxLength: 4 }), junk) }),
      junk,
    ),
    annotations: fc.oneof(fc.record({ list: fc.array(fc.record({ datasource }), { maxLength: 2 }) }), junk),
    links: fc.oneof(fc.constant([{ url: 'https://x/?a=$env' }]), junk),
    __inputs: fc.oneof(fc.constant([{ name: 'DS_PROMETHEUS', type: 'datasource' }]), junk),
  },
  { requiredKeys: [] },
);

/** A file's text: dashboards (plain, wrapped, k8s), arbitrary JSON, or arbitrary text. */
export const lintFileText = fc.oneof(
  { weight: 5, arbitrary: dashboardLike.map((d) => JSON.stringify(d)) },
  { weight: 1, arbitrary: dashboardLike.map((d) => JSON.stringify({ dashboard: d, meta: {} })) },
  {
    weight: 1,
    arbitrary: dashboardLike.map((d) =>
      JSON.stringify({ apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'Dashboard', spec: d }),
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
