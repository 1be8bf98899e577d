import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/model/json.ts';
import { lintFiles } from '../../src/tooling/lint-files.ts';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../src/validate/json-depth.ts';
import { runRules } from '../../src/validate/engine.ts';
import { allRules } from '../../src/validate/rules/index.ts';
import { tempProject } from '../support/temp-project.ts';

const nested = (depth: number, leaf: JsonValue = 1, key = 'a'): JsonValue => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
};

describe('nesting bounds', () => {
  it('finds the first value deeper than the limit without recursion', () => {
    expect(tooDeepAt(nested(MAX_JSON_DEPTH) as JsonObject)).toBeUndefined();
    expect(tooDeepAt(nested(MAX_JSON_DEPTH + 1) as JsonObject)).toBe(`/a`.repeat(MAX_JSON_DEPTH));
    expect(tooDeepAt(nested(1_000_000) as JsonObject)).toBe(`/a`.repeat(MAX_JSON_DEPTH));
  });

  it('runs every rule on 5 000-deep datasource, target and variable values without a crash', () => {
    const deep = nested(5_000);
    const dashboard = {
      uid: 'd',
      title: 'd',
      templating: { list: [{ name: 'x', type: 'query', query: deep }] },
      panels: [
        {
          type: 'timeseries',
          title: 't',
          datasource: deep,
          targets: [{ refId: 'A', expr: 'up', datasource: deep, x: deep }],
        },
      ],
    } as JsonObject;
    const found = runRules([{ file: 'd.json', dashboard }], allRules, { origin: 'lint' });
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'json-too-deep',
        severity: 'error',
        file: 'd.json',
        pointer: `/templating/list/0/query${'/a'.repeat(MAX_JSON_DEPTH - 4)}`,
      }),
    ]);
  });

  it('lint reports a 5 000-deep file as too deep before parsing, and a garbage-sized one as too large', () => {
    const deep = `{"uid":"d","panels":[${'['.repeat(5_000)}${']'.repeat(5_000)}]}`;
    const r = lintFiles([
      { file: 'deep.json', text: deep },
      { file: 'huge.json', text: '', bytes: 1.2e9 },
    ]);
    expect(r.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
      [
        'deep.json',
        'json-too-deep',
        'objects and arrays nest more than 100 levels deep at line 1, column 120; no Grafana dashboard does, so the file was not checked',
      ],
      ['huge.json', 'json-too-large', 'file is 1144.4 MiB; lint reads dashboard files up to 32 MiB'],
    ]);
  });

  it('lint counts brackets inside strings as text', () => {
    const r = lintFiles([
      { file: 'ok.json', text: JSON.stringify({ uid: 'd', title: 'd', panels: [], description: '['.repeat(500) }) },
    ]);
    expect(r.diagnostics.filter((d) => d.rule.startsWith('json-'))).toEqual([]);
  });

  it('build reports a 5 000-deep or circular dashboard value as a load error, not an internal error', async () => {
    const p = await tempProject({
      'dashboards/deep.ts': `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
let deep: unknown = 1; for (let i = 0; i < 5000; i++) deep = { a: deep };
const built = new DashboardBuilder('Deep').uid('deep').build() as unknown as Record<string, unknown>;
built.panels = [{ type: 'text', title: 'x', options: deep }];
export default built;
`,
      'dashboards/cycle.ts': `const d: Record<string, unknown> = { title: 'Cycle', panels: [] }; d.self = d; export default d;\n`,
    });
    try {
      const r = await p.run('build');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'dashboards/deep.ts\n  error load: the dashboard nests objects and arrays more than 100 levels deep (at /panels/0/options/a/a',
      );
      expect(r.stderr).toContain(
        'dashboards/cycle.ts\n  error load: the dashboard nests objects and arrays more than 100 levels deep (at /self/self/self',
      );
      expect(r.stderr).not.toContain('internal error');
    } finally {
      await p.dispose();
    }
  });
});
