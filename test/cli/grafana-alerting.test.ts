import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grafanaInterval } from '../../src/build/render-grafana-alerting.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

const ALERTS = `
import { clientGolang, goServiceAlerts, goServiceSlo } from 'panelcraft';
export default [...goServiceAlerts({ convention: clientGolang(), job: 'api' }), ...goServiceSlo({ convention: clientGolang(), job: 'api', objectives: { latency: false } })];
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

interface GrafanaRule {
  uid: string;
  title: string;
  condition?: string;
  for?: string;
  data: { refId: string; datasourceUid: string; model: Record<string, unknown> }[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  noDataState?: string;
  record?: { metric: string; from: string; targetDatasourceUid: string };
}
interface GrafanaFile {
  apiVersion: number;
  groups: { orgId: number; name: string; folder: string; interval: string; rules: GrafanaRule[] }[];
  deleteRules?: { orgId: number; uid: string }[];
}

describe('alerts.target: grafana', () => {
  it('writes provisioning/alerting/<folder>-<name>.yaml with Grafana file-provisioning keys, stable uids and 10 s intervals', async () => {
    project = await tempProject({
      'alerts/payments/api.ts': ALERTS,
      'panelcraft.yaml': 'alerts:\n  target: grafana\n',
    });
    const result = await project.run('build');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = parse(await project.read('provisioning/alerting/payments-api.yaml')) as GrafanaFile;
    expect(doc.apiVersion).toBe(1);
    expect(doc.groups.map((g) => [g.name, g.folder, g.interval, g.orgId])).toEqual([
      ['api-pages', 'payments', '10s', 1],
      ['api-resources', 'payments', '1m', 1],
      ['api-slo-availability-pages', 'payments', '10s', 1],
      ['api-slo-availability-tickets', 'payments', '30s', 1],
    ]);
    const errorRatio = doc.groups[0]!.rules.find((r) => r.title === 'GoServiceHighErrorRatio')!;
    expect(errorRatio.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(errorRatio.condition).toBe('C');
    expect(errorRatio.for).toBe('0s');
    expect(errorRatio.noDataState).toBe('OK');
    expect(errorRatio.data.map((d) => [d.refId, d.datasourceUid, d.model.type ?? 'prometheus'])).toEqual([
      ['A', 'prometheus', 'prometheus'],
      ['B', '__expr__', 'reduce'],
      ['C', '__expr__', 'math'],
    ]);
    expect(errorRatio.data[0]!.model.expr).toContain('> 0.005');
    expect(errorRatio.annotations!.summary).toBe(
      '{{ $labels.job }} answers {{ $values.B.Value | humanizePercentage }} of requests with 5xx',
    );
    expect(errorRatio.labels).toEqual({ severity: 'critical' });
    const burn = [doc.groups[2]!.rules.at(-1)!.title, doc.groups[3]!.rules.at(-1)!.title];
    expect(burn).toEqual(['GoServiceAvailabilityBudgetBurn (critical)', 'GoServiceAvailabilityBudgetBurn (warning)']);
    const record = doc.groups[2]!.rules[0]!;
    expect(record.record).toEqual({ metric: 'job:slo_requests:rate5m', from: 'A', targetDatasourceUid: 'prometheus' });
    expect(doc.deleteRules).toBeUndefined();
    const uids = doc.groups.flatMap((g) => g.rules.map((r) => r.uid));
    expect(new Set(uids).size).toBe(uids.length);
    await expect(project.read('prometheus/rules/payments/api.yaml')).rejects.toThrow('ENOENT');

    // A rule removed from the source is listed in deleteRules (of the tree's one tombstone file), so Grafana drops it
    // instead of keeping it.
    await project.write(
      'alerts/payments/api.ts',
      ALERTS.replace("job: 'api' })", "job: 'api', thresholds: {} }).filter((g) => g.name !== 'api-resources')"),
    );
    expect((await project.run('build')).code).toBe(0);
    const after = parse(await project.read('provisioning/alerting/panelcraft-deleted-rules.yml')) as GrafanaFile;
    const removed = doc.groups[1]!.rules.map((r) => r.uid).sort();
    expect(after.deleteRules).toEqual(removed.map((uid) => ({ orgId: 1, uid })));
    expect(after.groups).toBeUndefined();
    expect((await project.run('build', '--check')).code).toBe(0);
  });

  it("rounds intervals up to Grafana's 10 s grid", () => {
    expect(['5s', '10s', '15s', '30s', '1m', '90s'].map(grafanaInterval)).toEqual([
      '10s',
      '10s',
      '20s',
      '30s',
      '1m',
      '90s',
    ]);
  });
});
