import { describe, expect, it } from 'vitest';
import { templateRefresh } from '../../../src/validate/rules/template-refresh.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('template-refresh', () => {
  it('accepts query variables with refresh 2 (datasource variables are not query variables)', () =>
    expect(check(templateRefresh, goodDashboard())).toEqual([]));
  it('warns on a query variable refreshing only on load', () => {
    const d = goodDashboard();
    (d.templating as { list: Array<Record<string, unknown>> }).list[1]!.refresh = 1;
    expect(check(templateRefresh, d)).toEqual([
      expect.objectContaining({
        pointer: '/templating/list/1/refresh',
        message:
          'query variable "job" refresh is 1 (on dashboard load); its values go stale when the time range changes',
      }),
    ]);
  });
});
