import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { dashboardValue } from '../../src/build/dashboard-value.ts';
import {
  normalizeDashboard,
  normalizeOwnedDashboard,
  type NormalizeOptions,
} from '../../src/build/normalize-dashboard.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { dashboardLike } from '../lint/dashboard-arbitrary.ts';
import { referenceNormalize, sameTree } from './support/reference-normalize.ts';

const options: NormalizeOptions = {
  fallbackUid: 'derived',
  schemaVersion: 41,
  editable: false,
  datasourceUid: 'prometheus',
  datasourceName: 'Prometheus',
};

/** Dashboards with rows holding the same panel twice, explicit and missing datasources, variables and junk. */
const dashboards = dashboardLike.map((d) => d as JsonObject);

describe('normalize in place', () => {
  test.prop([dashboards])(
    'normalizeDashboard gives what the copying version of 130faed gave, key order included',
    (d) => {
      expect(sameTree(normalizeDashboard(d, options), referenceNormalize(d, options))).toBe(true);
    },
  );
  test.prop([dashboards])('normalizeDashboard leaves its input as it was', (d) => {
    const before = structuredClone(d);
    normalizeDashboard(d, options);
    expect(sameTree(d, before)).toBe(true);
  });
  test.prop([dashboards])('the build path (dashboardValue, then in place) gives the reference output', (d) => {
    const value = dashboardValue(d);
    const expected = dashboardValue(d);
    if (!value.ok || !expected.ok) return;
    expect(
      sameTree(normalizeOwnedDashboard(value.dashboard, options), referenceNormalize(expected.dashboard, options)),
    ).toBe(true);
  });
});
