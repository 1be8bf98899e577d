import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { dashboardSetFromFiles } from '../../src/diff/dashboard-set.ts';
import { diffDashboards } from '../../src/diff/diff-dashboards.ts';
import { layoutSvg } from '../../src/diff/layout-svg.ts';
import { renderMarkdown } from '../../src/diff/render-markdown.ts';
import { renderText } from '../../src/diff/render-text.ts';
import { checkWellFormedXml } from './xml-well-formed.ts';

const title = fc.oneof(
  fc.constantFrom('Request rate', 'Errors', 'Latency', '', 'a<b>&"c"'),
  fc.string({ maxLength: 30 }),
);
const gridPos = fc.record({
  x: fc.integer({ min: 0, max: 23 }),
  y: fc.integer({ min: 0, max: 60 }),
  w: fc.integer({ min: 1, max: 24 }),
  h: fc.integer({ min: 1, max: 12 }),
});
const target = fc.record(
  {
    refId: fc.constantFrom('A', 'B', 'C'),
    expr: fc.constantFrom('up', 'rate(x[5m])', 'go_goroutines'),
    instant: fc.boolean(),
  },
  { requiredKeys: ['expr'] },
);
const panel = fc.record(
  {
    id: fc.integer({ min: 1, max: 20 }),
    title,
    type: fc.constantFrom('timeseries', 'stat', 'row', 'table', 'text'),
    gridPos,
    targets: fc.array(target, { maxLength: 3 }),
    fieldConfig: fc.record({ defaults: fc.record({ unit: fc.constantFrom('s', 'ms', 'reqps') }) }),
    collapsed: fc.boolean(),
  },
  { requiredKeys: ['title', 'type'] },
);
const dashboard: fc.Arbitrary<JsonObject> = fc.record(
  {
    uid: fc.constantFrom('a', 'b', 'c'),
    title,
    refresh: fc.constantFrom('5s', '30s'),
    panels: fc.array(
      fc.oneof(
        panel,
        panel.map((p) => ({
          ...p,
          type: 'row',
          panels: [{ title: 'inner', type: 'stat', gridPos: { x: 0, y: 0, w: 6, h: 4 } }],
        })),
      ),
      { maxLength: 8 },
    ),
    templating: fc.record({
      list: fc.array(
        fc.record({
          name: fc.constantFrom('job', 'instance'),
          type: fc.constantFrom('query', 'custom'),
          query: fc.string({ maxLength: 10 }),
        }),
        { maxLength: 3 },
      ),
    }),
  },
  { requiredKeys: ['title'] },
) as fc.Arbitrary<JsonObject>;

const setOf = (ds: JsonObject[]) =>
  dashboardSetFromFiles(
    ds.map((d, i) => ({ path: `provisioning/dashboards/f/${i}.json`, contents: JSON.stringify(d) })),
  ).set;

test.prop([fc.array(dashboard, { maxLength: 4 })])('diff(x, x) is empty', (ds) => {
  expect(diffDashboards(setOf(ds), setOf(structuredClone(ds)))).toEqual({ dashboards: [] });
});

test.prop([fc.array(dashboard, { maxLength: 3 }), fc.array(dashboard, { maxLength: 3 })])(
  'diff, renderers and SVG never throw; SVG is well-formed and deterministic',
  (xs, ys) => {
    const report = diffDashboards(setOf(xs), setOf(ys));
    renderMarkdown(report);
    renderText(report);
    const svg = layoutSvg(xs[0], ys[0]);
    expect(checkWellFormedXml(svg)).toEqual([]);
    expect(layoutSvg(xs[0], ys[0])).toBe(svg);
  },
);

test.prop([fc.array(fc.jsonValue(), { maxLength: 4 }), fc.array(fc.jsonValue(), { maxLength: 4 })])(
  'arbitrary JSON files never make the diff throw',
  (xs, ys) => {
    const files = (vs: unknown[]) => vs.map((v, i) => ({ path: `d/${i}.json`, contents: JSON.stringify(v) ?? 'null' }));
    const before = dashboardSetFromFiles(files(xs));
    const after = dashboardSetFromFiles(files(ys));
    const report = diffDashboards(before.set, after.set);
    expect(() => renderMarkdown(report)).not.toThrow();
    for (const d of report.dashboards)
      expect(checkWellFormedXml(layoutSvg(before.set.get(d.key)?.dashboard, after.set.get(d.key)?.dashboard))).toEqual(
        [],
      );
  },
);
