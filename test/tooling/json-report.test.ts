import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { jsonReport } from '../../src/tooling/json-report.ts';
import { applyRuleConfig } from '../../src/validate/rule-config.ts';

const d = (rule: string, severity: Diagnostic['severity'], extra: Partial<Diagnostic> = {}): Diagnostic => ({
  fix: 'do this',
  message: `${rule} found`,
  pointer: '/panels/0',
  file: 'a.json',
  severity,
  rule,
  ...extra,
});

describe('jsonReport', () => {
  it('puts the envelope first, diagnostics in a fixed key order, then the command fields', () => {
    const text = jsonReport('lint', [d('panel-units', 'error', { panel: 'RPS' }), d('panel-title', 'warning')], {
      files: 1,
    });
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['command', 'ok', 'summary', 'diagnostics', 'files']);
    expect(parsed).toMatchObject({ command: 'lint', ok: false, summary: { errors: 1, warnings: 1 }, files: 1 });
    expect(Object.keys(parsed.diagnostics[0])).toEqual([
      'rule',
      'severity',
      'file',
      'panel',
      'pointer',
      'message',
      'fix',
    ]);
  });

  it('lets a command fail without an error diagnostic', () => {
    expect(JSON.parse(jsonReport('build', [], { changes: [{ path: 'x', status: 'stale' }] }, false))).toMatchObject({
      ok: false,
      summary: { errors: 0, warnings: 0 },
    });
  });
});

describe('applyRuleConfig', () => {
  const docs = [{ file: 'a.json', uid: 'svc' }];
  it('drops rules set off, re-levels others, and drops excluded ones by uid or file and panel', () => {
    const found = [
      d('panel-title', 'warning'),
      d('dashboard-editable', 'warning', { pointer: '/editable' }),
      d('panel-description', 'warning', { panel: 'RPS' }),
      d('panel-description', 'warning', { panel: 'Errors' }),
      d('panel-units', 'error', { file: 'b.json' }),
    ];
    const config = {
      rules: { 'panel-title': 'off', 'dashboard-editable': 'error' } as const,
      exclusions: [
        { rule: 'panel-description', dashboard: 'svc', panel: 'RPS', reason: 'clear' },
        { rule: 'panel-units', dashboard: 'b.json', reason: 'legacy' },
      ],
    };
    expect(applyRuleConfig(found, config, docs).map((x) => [x.rule, x.severity, x.panel])).toEqual([
      ['dashboard-editable', 'error', undefined],
      ['panel-description', 'warning', 'Errors'],
    ]);
  });

  it('never lets a panel exclusion match a finding outside panels', () => {
    const config = { exclusions: [{ rule: 'json-invalid', panel: 'RPS', reason: 'x' }] };
    expect(applyRuleConfig([d('json-invalid', 'error')], config, docs)).toHaveLength(1);
  });
});
