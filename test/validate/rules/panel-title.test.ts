import { describe, expect, it } from 'vitest';
import { panelTitle } from '../../../src/validate/rules/panel-title.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('panel-title', () => {
  it('accepts titled panels', () => expect(check(panelTitle, goodDashboard())).toEqual([]));
  it('reports a query panel without title', () => {
    expect(check(panelTitle, { ...goodDashboard(), panels: [goodPanel({ title: '' })] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/title',
        message: 'timeseries panel has no title; readers, diagnostics and exclusions cannot name it',
      }),
    ]);
  });
});
