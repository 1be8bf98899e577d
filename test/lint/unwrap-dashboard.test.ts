import { describe, expect, it } from 'vitest';
import { grafanaTarget } from '../../src/model/grafana-version.ts';
import { unwrapDashboard } from '../../src/lint/unwrap-dashboard.ts';
import { parseJsonSource } from '../../src/lint/parse-json-source.ts';

describe('unwrapDashboard', () => {
  const v2 = { apiVersion: 'dashboard.grafana.app/v2beta1', kind: 'Dashboard', spec: { elements: {}, layout: {} } };
  it('passes a classic dashboard through', () => {
    expect(unwrapDashboard({ title: 'x', panels: [] }, [12, 1])).toEqual({
      dashboard: { title: 'x', panels: [] },
      findings: [],
    });
  });
  it('errors on v2 resources up to 12.2 and warns from 12.3', () => {
    expect(unwrapDashboard(v2, [12, 2]).findings.map((f) => [f.rule, f.severity])).toEqual([['dashboard-v2', 'error']]);
    const later = unwrapDashboard(v2, [12, 3]);
    expect(later.dashboard).toBeUndefined();
    expect(later.findings.map((f) => [f.rule, f.severity])).toEqual([['dashboard-v2', 'warning']]);
    expect(later.findings[0]!.message).toBe(
      'dashboard is a v2 resource (dashboard.grafana.app/v2beta1); Grafana 12.3+ provisions it, but panelcraft lint checks classic (v1) dashboards only, so no rule ran',
    );
  });
  it('rejects a bare v2 spec', () => {
    expect(unwrapDashboard({ title: 'x', elements: {}, layout: {} }, [13, 0]).findings[0]!.message).toMatch(
      /^dashboard is a bare v2 spec/,
    );
  });
  it('unwraps a v1 resource and says where the rules ran', () => {
    const r = unwrapDashboard(
      { apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'Dashboard', spec: { title: 'x' } },
      [12, 1],
    );
    expect(r).toMatchObject({
      dashboard: { title: 'x' },
      at: '/spec',
      findings: [{ rule: 'dashboard-wrapped', severity: 'error' }],
    });
  });
  it('names what a non-dashboard object holds', () => {
    expect(unwrapDashboard({ name: 'pkg', version: '1.0.0' }, [12, 1]).findings[0]!.message).toBe(
      'object has none of "panels", "rows", "schemaVersion", "templating", "title", "uid" (it has "name", "version"); Grafana would try to load it and log "Dashboard title cannot be empty"',
    );
  });
  it('reads Grafana versions', () => {
    expect([grafanaTarget('12.1'), grafanaTarget('v13.0.2'), grafanaTarget('latest')]).toEqual([
      [12, 1],
      [13, 0],
      [12, 1],
    ]);
  });
});

describe('parseJsonSource', () => {
  it('accepts a BOM and reports empty files', () => {
    expect(parseJsonSource('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonSource('')).toEqual({
      ok: false,
      message: 'file is empty; Grafana logs a parse error and skips it',
    });
  });
});
