import { describe, expect, it } from 'vitest';
import { panelTargets } from '../../../src/validate/rules/panel-targets.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('panel-targets', () => {
  it('accepts panels with targets, rows and text panels', () => {
    expect(
      check(panelTargets, {
        ...goodDashboard(),
        panels: [goodPanel(), { id: 2, type: 'row', panels: [] }, { id: 3, type: 'text' }],
      }),
    ).toEqual([]);
  });
  it('reports query panels without targets', () => {
    const d = {
      ...goodDashboard(),
      panels: [goodPanel({ targets: [] }), goodPanel({ id: 2, title: 'B', targets: undefined as never })],
    };
    delete (d.panels[1] as Record<string, unknown>).targets;
    expect(check(panelTargets, d).map((f) => [f.pointer, f.message])).toEqual([
      ['/panels/0/targets', 'timeseries panel has an empty "targets" list; it draws "No data"'],
      ['/panels/1/targets', 'timeseries panel has no "targets"; it draws "No data"'],
    ]);
  });
});
