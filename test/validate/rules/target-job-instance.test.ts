import { describe, expect, it } from 'vitest';
import { targetJobInstance } from '../../../src/validate/rules/target-job-instance.ts';
import { check, goodDashboard, goodPanel } from './lint-fixture.ts';

describe('target-job-instance', () => {
  it('accepts selectors that match on $job and $instance', () =>
    expect(check(targetJobInstance, goodDashboard())).toEqual([]));
  it('warns per missing matcher, naming the selectors', () => {
    const p = goodPanel({
      targets: [{ refId: 'A', expr: 'rate(http_requests_total{job=~"$job"}[$__rate_interval]) / on() group_left up' }],
    });
    expect(check(targetJobInstance, { ...goodDashboard(), panels: [p] }).map((f) => f.message)).toEqual([
      'query A selectors "http_requests_total", "up" have no instance=~"$instance" matcher; the "instance" variable does not filter them',
      'query A selector "up" has no job=~"$job" matcher; the "job" variable does not filter it',
    ]);
  });
});
