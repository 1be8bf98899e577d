import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goodDashboard, goodPanel } from '../validate/rules/lint-fixture.ts';
import { runCli } from './cli-capture.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'panelcraft-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const good = JSON.stringify(goodDashboard());

describe('panelcraft lint', () => {
  it('exits 0 on a clean dashboard and prints the summary', async () => {
    const dir = project({ 'dash.json': good });
    expect(await runCli(['lint', 'dash.json'], dir)).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings in 1 file\n',
      stderr: '',
    });
  });

  it('reads directories recursively (only *.json, not dot-directories) and defaults to provisioning/dashboards', async () => {
    const dir = project({
      'provisioning/dashboards/a/one.json': good,
      'provisioning/dashboards/two.json': JSON.stringify({ ...goodDashboard(), uid: 'two', title: 'Two' }),
      'provisioning/dashboards/notes.txt': 'not json',
      'provisioning/dashboards/.git/x.json': '{',
    });
    expect((await runCli(['lint'], dir)).stdout).toBe('0 errors, 0 warnings in 2 files\n');
    expect((await runCli(['lint', 'provisioning'], dir)).stdout).toBe('0 errors, 0 warnings in 2 files\n');
  });

  it('turns bad JSON, empty files, arrays and non-dashboards into diagnostics with exit 1', async () => {
    const dir = project({
      'bad.json': '{\n  "title": "x",\n}',
      'empty.json': '  \n',
      'list.json': '[1, 2]',
      'package.json': '{"name": "x"}',
    });
    const { code, stdout } = await runCli(['lint', '.', '--json'], dir);
    expect(code).toBe(1);
    const rows = (JSON.parse(stdout) as { diagnostics: Array<Record<string, string>> }).diagnostics;
    expect(rows.map((r) => [r.file, r.rule])).toEqual([
      ['bad.json', 'json-invalid'],
      ['empty.json', 'json-invalid'],
      ['list.json', 'not-a-dashboard'],
      ['package.json', 'not-a-dashboard'],
    ]);
    expect(rows[0]!.message).toMatch(/^file is not valid JSON at line 3, column 1: /);
    expect(rows[2]!.message).toBe('file holds a JSON array (2 items), not a dashboard object');
  });

  it('--json prints the shared report shape: command, ok, counts, diagnostics with every field, files', async () => {
    const d = { ...goodDashboard(), panels: [goodPanel({ fieldConfig: { defaults: { unit: 'req/s' } } })] };
    const dir = project({ 'dash.json': JSON.stringify(d) });
    const { code, stdout } = await runCli(['lint', '--json', 'dash.json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      command: 'lint',
      ok: false,
      summary: { errors: 1, warnings: 0 },
      diagnostics: [
        {
          rule: 'panel-units',
          severity: 'error',
          file: 'dash.json',
          panel: 'Request rate',
          pointer: '/panels/0/fieldConfig/defaults/unit',
          message:
            'unit "req/s" is not a Grafana unit id; Grafana shows it as a literal suffix (did you mean "reqps"?)',
          fix: 'use a constant from \'@grafana/grafana-foundation-sdk/units\' (e.g. units.RequestsPerSecond), or a custom form such as "suffix: req"',
        },
      ],
      files: 1,
    });
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = project({ 'dash.json': JSON.stringify({ ...goodDashboard(), editable: true }) });
    const { code, stdout } = await runCli(['lint', 'dash.json'], dir);
    expect(code).toBe(0);
    expect(stdout.endsWith('0 errors, 1 warning in 1 file\n')).toBe(true);
  });

  it('applies panelcraft.yaml rule levels and exclusions', async () => {
    const d = { ...goodDashboard(), editable: true, panels: [goodPanel({ description: '' })] };
    const config = [
      'rules:',
      '  dashboard-editable: error',
      'exclusions:',
      '  - rule: panel-description',
      '    dashboard: svc-overview',
      '    panel: Request rate',
      '    reason: the title says it all',
    ].join('\n');
    const dir = project({ 'dash.json': JSON.stringify(d), 'panelcraft.yaml': config });
    const { code, stdout } = await runCli(['lint', 'dash.json', '--json'], dir);
    expect(code).toBe(1);
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: Array<{ rule: string; severity: string }> };
    expect(diagnostics.map((r) => [r.rule, r.severity])).toEqual([['dashboard-editable', 'error']]);
  });

  it('exits 2 on an exclusion without reason, an unknown rule id, a missing path or an unknown flag', async () => {
    const dir = project({
      'dash.json': good,
      'lint.yaml': 'exclusions:\n  - rule: panel-title\n',
      'typo.yaml': 'rules:\n  panel-titel: off\n',
    });
    const noReason = await runCli(['lint', 'dash.json', '--config', 'lint.yaml'], dir);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('exclusion of panel-title has no reason');
    const typo = await runCli(['lint', 'dash.json', '--config', 'typo.yaml'], dir);
    expect([typo.code, typo.stderr]).toEqual([
      2,
      'panelcraft lint: invalid config:\n  typo.yaml:2 /rules/panel-titel: unknown rule id "panel-titel" (did you mean "panel-title"?) (name a rule id from `panelcraft lint` output or the README)\n',
    ]);
    expect(await runCli(['lint', 'nope.json'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'panelcraft lint: path "nope.json" does not exist\n',
    });
    expect((await runCli(['lint', '--frobnicate'], dir)).code).toBe(2);
  });

  it('reads a live /metrics endpoint on loopback with --metrics-url', async () => {
    const exposition = readFileSync(new URL('../fixtures/metrics/go-service.prom', import.meta.url), 'utf8');
    const server = createServer((_req, res) => res.end(exposition));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const d = {
        ...goodDashboard(),
        panels: [
          goodPanel({
            targets: [
              { refId: 'A', expr: 'rate(http_request_total{job=~"$job", instance=~"$instance"}[$__rate_interval])' },
            ],
          }),
        ],
      };
      const dir = project({ 'dash.json': JSON.stringify(d) });
      const { code, stdout } = await runCli(['lint', 'dash.json', '--json', '--metrics-url', url], dir);
      expect(code).toBe(1);
      expect(
        (JSON.parse(stdout) as { diagnostics: Array<{ message: string }> }).diagnostics.map((r) => r.message),
      ).toEqual([
        `metric "http_request_total" is not in the metric catalog (${url}) (did you mean "http_requests_total"?); the panel stays empty`,
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('exits 2 when the metrics endpoint cannot be fetched', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const dir = project({ 'dash.json': good });
      expect(await runCli(['lint', 'dash.json', '--metrics-url', url], dir)).toEqual({
        code: 2,
        stdout: '',
        stderr: `panelcraft lint: ${url} answered HTTP 503\n`,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
