import { describe, expect, it } from 'vitest';
import { variableUnused } from '../../../src/validate/rules/variable-unused.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('variable-unused', () => {
  it('accepts variables used by queries, datasources and other variables', () =>
    expect(check(variableUnused, goodDashboard())).toEqual([]));
  it('warns on a variable nothing uses', () => {
    const d = goodDashboard();
    (d.templating as { list: unknown[] }).list.push({ name: 'env', type: 'custom', query: 'prod,staging' });
    expect(check(variableUnused, d)).toEqual([
      expect.objectContaining({
        pointer: '/templating/list/3',
        message: 'variable "env" is declared but no query, title, link or other variable uses it',
      }),
    ]);
  });
});
