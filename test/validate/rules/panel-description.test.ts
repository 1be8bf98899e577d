import { describe, expect, it } from 'vitest';
import { panelDescription } from '../../../src/validate/rules/panel-description.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('panel-description', () => {
  it('accepts described panels and ignores text panels', () => {
    expect(check(panelDescription, { ...goodDashboard(), panels: [goodPanel(), { type: 'text', id: 2 }] })).toEqual([]);
  });
  it('warns on a query panel without description', () => {
    expect(check(panelDescription, { ...goodDashboard(), panels: [goodPanel({ description: ' ' })] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/description',
        message: 'panel has no description; reviewers cannot tell what it shows or why it matters',
      }),
    ]);
  });
});
