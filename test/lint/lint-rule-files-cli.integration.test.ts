import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodDashboard } from '../validate/rules/lint-fixture.ts';
import { runCli } from './cli-capture.ts';
import { CLEAN_RULES } from './rule-file-fixture.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'panelcraft-lint-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('panelcraft lint with rule files', () => {
  it('exits 0 on a clean rule file given by name', async () => {
    const dir = project({ 'rules.yaml': CLEAN_RULES });
    expect(await runCli(['lint', 'rules.yaml'], dir)).toEqual({
      code: 0,
      stdout: '0 errors, 0 warnings in 1 file\n',
      stderr: '',
    });
  });

  it('finds rule files in folders next to dashboards, skipping other YAML, and lints prometheus/rules by default', async () => {
    const dir = project({
      'provisioning/dashboards/a.json': JSON.stringify(goodDashboard()),
      'provisioning/dashboards/panelcraft.yaml': 'apiVersion: 1\nproviders: []\n',
      'prometheus/rules/go/api.yaml': CLEAN_RULES,
      'prometheus/rules/go/broken.yml': CLEAN_RULES.replace('ApiDown', 'api_down'),
    });
    const { code, stdout } = await runCli(['lint', '--json'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: { file: string; rule: string }[] };
    expect(report.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      ['prometheus/rules/go/broken.yml', 'alert-name-camelcase'],
    ]);
    expect((await runCli(['lint', 'provisioning'], dir)).stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('accepts rule-file rule ids in panelcraft.yaml', async () => {
    const dir = project({
      'rules.yaml': CLEAN_RULES.replace('ApiDown', 'api_down'),
      'panelcraft.yaml': 'rules:\n  alert-name-camelcase: warning\n',
    });
    const { code, stdout } = await runCli(['lint', 'rules.yaml'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('warning alert-name-camelcase (/groups/0/rules/0/alert): line 4: alert api_down');
  });
});
