import { describe, expect, it } from 'vitest';
import { allRules } from '../../../src/validate/rules/index.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('the shared good fixture', () => {
  it.each(allRules.dashboard.map((r) => [r.id, r] as const))('passes %s', (_id, rule) => {
    expect(check(rule, goodDashboard())).toEqual([]);
  });
});
