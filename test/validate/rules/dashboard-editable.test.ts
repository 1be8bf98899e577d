import { describe, expect, it } from 'vitest';
import { dashboardEditable } from '../../../src/validate/rules/dashboard-editable.ts';
import { check, goodDashboard } from './lint-fixture.ts';

describe('dashboard-editable', () => {
  it('accepts editable: false', () => expect(check(dashboardEditable, goodDashboard())).toEqual([]));
  it('warns on editable: true', () => {
    expect(check(dashboardEditable, { ...goodDashboard(), editable: true })).toEqual([
      expect.objectContaining({
        pointer: '/editable',
        message: '"editable" is true; edits made in the UI are lost at the next provisioning or cannot be saved',
      }),
    ]);
  });
  it('warns when editable is missing (Grafana defaults to true)', () => {
    const { editable: _drop, ...d } = goodDashboard();
    expect(check(dashboardEditable, d)[0]!.message).toBe(
      '"editable" is not set (Grafana defaults to true); edits made in the UI are lost at the next provisioning or cannot be saved',
    );
  });
});
