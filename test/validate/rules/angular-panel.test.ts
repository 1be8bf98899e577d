import { describe, expect, it } from 'vitest';
import { angularPanel } from '../../../src/validate/rules/angular-panel.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('angular-panel', () => {
  it('accepts React panels', () => expect(check(angularPanel, goodDashboard())).toEqual([]));
  it('reports graph and singlestat panels with their replacement', () => {
    const d = {
      ...goodDashboard(),
      panels: [goodPanel({ type: 'graph' }), goodPanel({ id: 2, type: 'singlestat', title: 'Up' })],
    };
    const findings = check(angularPanel, d);
    expect(findings.map((f) => f.pointer)).toEqual(['/panels/0/type', '/panels/1/type']);
    expect(findings[0]!.message).toBe(
      'panel type "graph" is an Angular panel; Grafana 12 removed Angular support and converts it to "timeseries" at load at best, so what renders is not what this JSON says',
    );
    expect(findings[1]!.fix).toContain("'@grafana/grafana-foundation-sdk/stat'");
  });
});
