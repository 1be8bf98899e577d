import { describe, expect, it } from 'vitest';
import { variableUndefined } from '../../../src/validate/rules/variable-undefined.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('variable-undefined', () => {
  it('accepts declared variables and built-ins', () => {
    const p = goodPanel({
      title: 'Rate on $instance over ${__range}',
      targets: [
        {
          refId: 'A',
          expr: 'label_replace(rate(x{job=~"$job"}[$__rate_interval]), "a", "$1", "b", "(.*)") offset $__interval',
        },
      ],
      links: [{ url: '/d/abc?var-job=${job:queryparam}&from=${__from}&to=$__to' }],
    });
    expect(check(variableUndefined, { ...goodDashboard(), panels: [p] })).toEqual([]);
  });
  it('reports an undefined variable with a suggestion', () => {
    const p = goodPanel({ targets: [{ refId: 'A', expr: 'up{instance=~"$instnce"}' }] });
    expect(check(variableUndefined, { ...goodDashboard(), panels: [p] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/targets/0/expr',
        message:
          '"$instnce" refers to no template variable (did you mean "instance"?); Grafana leaves it as literal text',
      }),
    ]);
  });
  it('checks titles, links and variable queries too', () => {
    const d = goodDashboard();
    (d.templating as { list: Array<Record<string, unknown>> }).list[2]!.query =
      'label_values(up{env="$env"}, instance)';
    d.panels = [goodPanel({ title: '[[region]] traffic' })];
    expect(check(variableUndefined, d).map((f) => f.pointer)).toEqual(['/panels/0/title', '/templating/list/2/query']);
  });
});
