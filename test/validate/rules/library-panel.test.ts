import { describe, expect, it } from 'vitest';
import { libraryPanel } from '../../../src/validate/rules/library-panel.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('library-panel', () => {
  it('accepts inline panels', () => expect(check(libraryPanel, goodDashboard())).toEqual([]));
  it('reports a library panel reference', () => {
    const d = {
      ...goodDashboard(),
      panels: [{ id: 1, gridPos: { x: 0, y: 0, w: 12, h: 8 }, libraryPanel: { uid: 'abc', name: 'Shared CPU' } }],
    };
    expect(check(libraryPanel, d)).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/libraryPanel',
        message:
          'panel references library panel "Shared CPU"; provisioned dashboards do not support library panels, Grafana shows "Unable to load library panel" wherever it is missing',
      }),
    ]);
  });
});
