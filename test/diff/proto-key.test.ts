import { describe, expect, it } from 'vitest';
import { dashboardSetFromFiles } from '../../src/diff/dashboard-set.ts';
import { diffDashboards } from '../../src/diff/diff-dashboards.ts';
import { dashboard, panel, toFile } from './fixtures.ts';

// Regression: diff once compared values through its own key sort, which wrote keys into a plain object, so a
// "__proto__" key set the prototype instead and the change vanished from the report.
describe('diff and a "__proto__" key', () => {
  const set = (protoValue: string) =>
    dashboardSetFromFiles([
      {
        path: 'provisioning/dashboards/f/a.json',
        contents: toFile(
          dashboard('a', 'A', [
            {
              ...panel(1, 'Requests', 0, 0, ['up']),
              options: JSON.parse(`{"legend": {"showLegend": true, "__proto__": {"x": "${protoValue}"}}}`),
            },
          ]),
        ),
      },
    ]).set;

  it('reports a change inside a "__proto__" key', () => {
    const report = diffDashboards(set('1'), set('2'));
    expect(
      report.dashboards.map((d) => d.panels.map((p) => p.changes.map((c) => [c.field, c.before, c.after]))),
    ).toEqual([
      [
        [
          [
            'legend',
            JSON.parse('{"showLegend":true,"__proto__":{"x":"1"}}'),
            JSON.parse('{"showLegend":true,"__proto__":{"x":"2"}}'),
          ],
        ],
      ],
    ]);
  });

  it('reports nothing when the "__proto__" value is the same', () => {
    expect(diffDashboards(set('1'), set('1'))).toEqual({ dashboards: [] });
  });
});

describe('diff and keys that name Object.prototype members', () => {
  it('reports a removed "toString" setting as removed, not as a change to a function', () => {
    const set = (d: object) => dashboardSetFromFiles([{ path: 'd/0.json', contents: JSON.stringify(d) }]).set;
    const report = diffDashboards(set({ toString: false }), set({}));
    expect(report.dashboards.map((d) => d.settings)).toEqual([[{ field: 'toString', before: false }]]);
  });
});
