import { describe, expect, it } from 'vitest';
import { repeatVariable } from '../../../src/validate/rules/repeat-variable.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('repeat-variable', () => {
  it('accepts a repeat over a declared variable', () => {
    expect(check(repeatVariable, { ...goodDashboard(), panels: [goodPanel({ repeat: 'instance' })] })).toEqual([]);
  });
  it('reports a repeat over an undefined variable with a suggestion', () => {
    expect(check(repeatVariable, { ...goodDashboard(), panels: [goodPanel({ repeat: 'instances' })] })).toEqual([
      expect.objectContaining({
        pointer: '/panels/0/repeat',
        message:
          'panel repeats over "instances", which is no template variable (did you mean "instance"?); Grafana draws it once',
      }),
    ]);
  });
});
