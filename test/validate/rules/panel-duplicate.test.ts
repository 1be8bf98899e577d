import { describe, expect, it } from 'vitest';
import { panelDuplicate } from '../../../src/validate/rules/panel-duplicate.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('panel-duplicate', () => {
  it('accepts panels that differ in title or queries', () => {
    expect(
      check(panelDuplicate, { ...goodDashboard(), panels: [goodPanel(), goodPanel({ id: 2, title: 'Other' })] }),
    ).toEqual([]);
  });
  it('warns on a second identical panel', () => {
    expect(
      check(panelDuplicate, {
        ...goodDashboard(),
        panels: [goodPanel(), goodPanel({ id: 2, gridPos: { x: 12, y: 0, w: 12, h: 8 } })],
      }),
    ).toEqual([
      expect.objectContaining({
        pointer: '/panels/1',
        message: 'panel duplicates /panels/0 (same title "Request rate", type and 1 query)',
      }),
    ]);
  });
});
