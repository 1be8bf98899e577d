import { describe, expect, it } from 'vitest';
import { templateJobInstance } from '../../../src/validate/rules/template-job-instance.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('template-job-instance', () => {
  it('accepts job and instance variables', () => expect(check(templateJobInstance, goodDashboard())).toEqual([]));
  it('warns for each missing variable', () => {
    const d = goodDashboard();
    (d.templating as { list: unknown[] }).list.splice(1);
    expect(check(templateJobInstance, d).map((f) => f.message)).toEqual([
      'dashboard has no "job" variable; viewers cannot narrow the panels to one job',
      'dashboard has no "instance" variable; viewers cannot narrow the panels to one instance',
    ]);
  });
});
