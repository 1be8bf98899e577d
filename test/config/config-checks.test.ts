import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.ts';
import { configurableRuleIds } from '../../src/validate/rule-ids.ts';
import { sdkDashboardSource, tempProject } from '../support/temp-project.ts';

const check = (text: string) => parseConfig(text, 'panelcraft.yaml', { ruleIds: configurableRuleIds() });

describe('panelcraft.yaml is checked once, with YAML lines', () => {
  it('rejects a URL that is not one and a scrape interval that is not a duration, keeping the defaults', () => {
    const { config, diagnostics } = check('datasource:\n  url: not a url\n  scrapeInterval: banana\n');
    expect(diagnostics.map((d) => [d.line, d.pointer, d.message])).toEqual([
      [2, '/datasource/url', 'datasource url "not a url" is not an http(s) URL'],
      [3, '/datasource/scrapeInterval', 'scrapeInterval "banana" is not a Prometheus duration above zero'],
    ]);
    expect(config.datasource).toMatchObject({ url: 'http://prometheus:9090', scrapeInterval: '15s' });
  });

  it('accepts URLs Grafana completes from the environment', () => {
    expect(check('datasource:\n  url: $PROMETHEUS_URL\n  scrapeInterval: 1m30s\n').diagnostics).toEqual([]);
  });

  it('names unknown keys and rule ids with "did you mean", and a bad Grafana version', () => {
    const { diagnostics } = check(
      '# settings\ngrafanaVersoin: "12.1"\ngrafanaVersion: banana\nrules:\n  panel-titel: off\nexclusions:\n  - rule: uid-uniqe\n    reason: x\n',
    );
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:1 unknown setting "grafanaVersoin" (did you mean "grafanaVersion"?)',
      '5:3 unknown rule id "panel-titel" (did you mean "panel-title"?)',
      '7:5 unknown rule id "uid-uniqe" (did you mean "uid-unique"?)',
      '3:1 grafanaVersion "banana" is not a Grafana version',
    ]);
  });

  it('build and lint report the same unknown rule id', async () => {
    const project = await tempProject({
      'panelcraft.yaml': 'rules:\n  panel-titel: off\n',
      'dashboards/api.ts': sdkDashboardSource('API'),
    });
    try {
      const build = await project.run('build');
      expect(build.code).toBe(1);
      expect(build.stderr).toContain(
        'panelcraft.yaml:2:3\n  error config (/rules/panel-titel): unknown rule id "panel-titel" (did you mean "panel-title"?)',
      );
      const lint = await project.run('lint', 'provisioning/dashboards');
      expect(lint.code).toBe(2);
      expect(lint.stderr).toContain(
        'panelcraft.yaml:2 /rules/panel-titel: unknown rule id "panel-titel" (did you mean "panel-title"?)',
      );
    } finally {
      await project.dispose();
    }
  });
});
