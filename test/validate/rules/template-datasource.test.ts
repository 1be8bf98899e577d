import { describe, expect, it } from 'vitest';
import { templateDatasource } from '../../../src/validate/rules/template-datasource.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('template-datasource', () => {
  it('accepts a dashboard with a prometheus datasource variable', () =>
    expect(check(templateDatasource, goodDashboard())).toEqual([]));
  it('warns when the variable is missing', () => {
    const d = goodDashboard();
    (d.templating as { list: unknown[] }).list.shift();
    expect(check(templateDatasource, d)).toEqual([
      expect.objectContaining({
        pointer: '/templating',
        message:
          'dashboard has no datasource variable of type "prometheus"; every panel is tied to one fixed datasource',
      }),
    ]);
  });
  it('leaves dashboards without Prometheus alone', () => {
    expect(
      check(templateDatasource, {
        title: 'Logs',
        panels: [{ type: 'logs', datasource: { type: 'loki', uid: 'loki' }, targets: [{ expr: '{app="x"}' }] }],
      }),
    ).toEqual([]);
  });
});
