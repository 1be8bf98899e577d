import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diff } from '../../src/cli/commands/diff.ts';
import { main } from '../../src/cli/main.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { dashboard, panel, toFile } from './fixtures.ts';
import { tempRepo, type TempRepo } from './git-repo.ts';
import { runCommand } from './run-command.ts';
import { checkWellFormedXml } from './xml-well-formed.ts';

const FILE = 'provisioning/dashboards/go/overview.json';
const base = () =>
  dashboard('go-overview', 'Go overview', [
    panel(1, 'Request rate', 0, 0, ['sum(rate(http_requests_total{job="$job"}[$__rate_interval]))']),
    panel(2, 'Error rate', 12, 0, ['sum(rate(http_requests_total{code=~"5..",job="$job"}[$__rate_interval]))']),
    panel(3, 'Goroutines', 0, 8, ['go_goroutines{job="$job"}'], 'timeseries', 24, 8),
  ]);

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.dispose();
  repo = undefined;
});

/** Commits `before` files, writes `after` files into the working tree, runs `diff --base HEAD`. */
async function diffCase(
  before: Record<string, JsonObject>,
  after: Record<string, JsonObject>,
  format = 'markdown',
  extra: string[] = [],
) {
  repo = tempRepo();
  for (const [rel, d] of Object.entries(before)) repo.write(rel, toFile(d));
  repo.commit('before');
  for (const rel of Object.keys(before)) repo.remove(rel);
  for (const [rel, d] of Object.entries(after)) repo.write(rel, toFile(d));
  return runCommand(diff, ['--base', 'HEAD', '--format', format, ...extra], repo.dir);
}

const mutate = (f: (d: JsonObject & { panels: JsonObject[] }) => void) => {
  const d = base() as JsonObject & { panels: JsonObject[] };
  f(d);
  return d;
};

describe('panelcraft diff in a real git repository', () => {
  it('reports nothing for a no-op rebuild', async () => {
    const r = await diffCase({ [FILE]: base() }, { [FILE]: base() });
    expect(r).toEqual({ code: 0, stdout: '### Dashboard diff against `HEAD`\n\nNo dashboard changes.\n', stderr: '' });
  });

  it('ignores key order and id renumbering', async () => {
    const after = mutate((d) => {
      d.panels = d.panels.map((p, i) => ({ ...Object.fromEntries(Object.entries(p).reverse()), id: 100 + i }));
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after }, 'text');
    expect(r.stdout).toBe('No dashboard changes.\n');
  });

  it('shows a rename as a rename, not remove + add', async () => {
    const r = await diffCase(
      { [FILE]: base() },
      { [FILE]: mutate((d) => void (d.panels[1]!.title = 'HTTP 5xx ratio')) },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✏️ changed **Error rate** → **HTTP 5xx ratio** (renamed) (timeseries)');
    expect(r.stdout).not.toContain('added');
    expect(r.stdout).not.toContain('removed');
    await expect(r.stdout).toMatchFileSnapshot('./golden/rename.md');
  });

  it('shows a reorder as a layout change only', async () => {
    const after = mutate((d) => {
      const [a, b, c] = d.panels as [JsonObject, JsonObject, JsonObject];
      a.gridPos = { x: 12, y: 0, w: 12, h: 8 };
      b.gridPos = { x: 0, y: 0, w: 12, h: 8 };
      d.panels = [b, a, c];
      b.id = 1;
      a.id = 2;
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after });
    expect(r.stdout).toContain('| layout | `0,0 12×8` | `12,0 12×8` |');
    expect(r.stdout).toContain('| layout | `12,0 12×8` | `0,0 12×8` |');
    expect(r.stdout).not.toMatch(/added|removed|renamed/);
    await expect(r.stdout).toMatchFileSnapshot('./golden/reorder.md');
  });

  it('shows a query change as before/after PromQL', async () => {
    const after = mutate((d) => {
      const t = (d.panels[0]!.targets as JsonObject[])[0]!;
      t.expr = 'sum by (handler) (rate(http_requests_total{job="$job"}[$__rate_interval]))';
      t.legendFormat = '{{handler}}';
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after });
    expect(r.stdout).toContain(
      'Query `A` before:\n\n```promql\nsum(rate(http_requests_total{job="$job"}[$__rate_interval]))\n```\n\nQuery `A` after:\n\n```promql\nsum by (handler) (rate(http_requests_total{job="$job"}[$__rate_interval]))\n```',
    );
    expect(r.stdout).toContain('| query A legendFormat | `{{instance}}` | `{{handler}}` |');
    await expect(r.stdout).toMatchFileSnapshot('./golden/query-change.md');
  });

  it('shows a layout, unit and threshold change', async () => {
    const after = mutate((d) => {
      const p = d.panels[2]!;
      p.gridPos = { x: 0, y: 8, w: 12, h: 10 };
      p.fieldConfig = {
        defaults: {
          unit: 'short',
          thresholds: {
            mode: 'absolute',
            steps: [
              { color: 'green', value: null },
              { color: 'red', value: 10000 },
            ],
          },
        },
        overrides: [],
      };
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after }, 'text');
    expect(r.stdout).toContain('      layout: 0,8 24×8 → 0,8 12×10\n      unit: reqps → short\n');
    await expect(r.stdout).toMatchFileSnapshot('./golden/layout-change.txt');
  });

  it('reports added and removed dashboards', async () => {
    const other = dashboard('go-routes', 'Go routes', [
      panel(1, 'Routes', 0, 0, ['sum by (handler) (rate(http_requests_total[5m]))'], 'table', 24, 10),
    ]);
    const r = await diffCase({ [FILE]: base() }, { 'provisioning/dashboards/go/routes.json': other });
    expect(r.stdout).toContain('| Go routes | `go-routes` | added |');
    expect(r.stdout).toContain('| Go overview | `go-overview` | removed |');
    await expect(r.stdout).toMatchFileSnapshot('./golden/added-removed.md');
  });

  it('reports variable and setting changes', async () => {
    const after = mutate((d) => {
      d.refresh = '5s';
      d.tags = ['go', 'review'];
      const vars = (d.templating as { list: JsonObject[] }).list;
      vars[1]!.query = { query: 'label_values(go_info, job)', refId: 'PrometheusVariableQueryEditor-VariableQuery' };
      vars.push({ name: 'instance', type: 'query', query: 'label_values(up{job="$job"}, instance)' });
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after });
    expect(r.stdout).toContain('| refresh | `30s` | `5s` |');
    expect(r.stdout).toContain('- ➕ added `$instance` (query)');
    expect(r.stdout).toContain('- ✏️ changed `$job` (query)');
    await expect(r.stdout).toMatchFileSnapshot('./golden/variables.md');
  });

  it('writes diff.md and a well-formed SVG per changed dashboard with --out', async () => {
    const after = mutate((d) => {
      d.panels.push(panel(4, 'Heap <in use> & "RSS"', 0, 16, ['go_memstats_heap_inuse_bytes']));
      d.panels.splice(1, 1);
    });
    const r = await diffCase({ [FILE]: base() }, { [FILE]: after }, 'json', ['--out', 'out']);
    const out = path.join(repo!.dir, 'out');
    expect(readdirSync(out).sort()).toEqual(['diff.md', 'go-overview.svg']);
    const svg = readFileSync(path.join(out, 'go-overview.svg'), 'utf8');
    expect(checkWellFormedXml(svg)).toEqual([]);
    expect(svg).toContain('+ Heap &lt;in use&gt; &amp; &quot;RSS&quot;');
    expect(svg).toContain('− Error rate');
    expect(svg).toContain('Request rate');
    expect(readFileSync(path.join(out, 'diff.md'), 'utf8')).toContain('Layout picture: `go-overview.svg`');
    const report = JSON.parse(r.stdout) as { dashboards: { panels: { kind: string; title: string }[] }[] };
    expect(report.dashboards[0]!.panels.map((p) => `${p.kind} ${p.title}`)).toEqual([
      'added Heap <in use> & "RSS"',
      'removed Error rate',
    ]);
  });

  it('rejects a ref that names no commit with exit 2', async () => {
    repo = tempRepo();
    repo.write(FILE, toFile(base()));
    repo.commit('one');
    const r = await runCommand(
      (args, ctx) => main(['diff', ...args], ctx),
      ['--base', 'no-such-ref', '--out', 'out'],
      repo.dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^panelcraft diff: "no-such-ref" does not name a commit in the git repository at /);
    expect(existsSync(path.join(repo.dir, 'out'))).toBe(false);
  });

  it('requires --base', async () => {
    await expect(runCommand(diff, [], '/')).rejects.toThrow('--base REF is required');
  });
});

describe('panelcraft diff of Prometheus rule files', () => {
  const RULES = 'prometheus/rules/go-services/go-service.yaml';
  const ruleFile = (threshold: string, forValue?: string) =>
    [
      'groups:',
      '  - name: go-service-pages',
      '    interval: 5s',
      '    rules:',
      '      - alert: GoServiceHighErrorRatio',
      `        expr: sum by (job) (rate(http_requests_total{job="go-service",code=~"5.."}[1m])) / sum by (job) (rate(http_requests_total{job="go-service"}[1m])) > ${threshold}`,
      ...(forValue ? [`        for: ${forValue}`] : []),
      '        labels:',
      '          severity: critical',
      '        annotations:',
      '          summary: High error ratio',
      '',
    ].join('\n');

  async function ruleCase(before: string, after: string | undefined, format: string) {
    repo = tempRepo();
    repo.write(FILE, toFile(base()));
    repo.write(RULES, before);
    repo.commit('before');
    if (after === undefined) repo.remove(RULES);
    else repo.write(RULES, after);
    return runCommand(diff, ['--base', 'HEAD', '--format', format], repo.dir);
  }

  it('shows a changed threshold and `for` per alert, next to the unchanged dashboards', async () => {
    const r = await ruleCase(ruleFile('0.005'), ruleFile('0.01', '1m'), 'text');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No dashboard changes.\n\n1 rule differs: 1 changed.\n');
    expect(r.stdout).toContain(`~ alert GoServiceHighErrorRatio (critical) [go-service-pages] changed  ${RULES}\n`);
    expect(r.stdout).toContain('    thresholds: > 0.005 → > 0.01\n    for: 0s → 1m\n');
  });

  it('says so when no rule changed, and lists a deleted rule file as removed rules (json)', async () => {
    expect((await ruleCase(ruleFile('0.005'), ruleFile('0.005'), 'markdown')).stdout).toContain(
      'No alert or recording rule changes.',
    );
    const r = await ruleCase(ruleFile('0.005'), undefined, 'json');
    const report = JSON.parse(r.stdout) as { rules: Array<{ kind: string; name: string; file: string }> };
    expect(report.rules.map((x) => [x.kind, x.name, x.file])).toEqual([['removed', 'GoServiceHighErrorRatio', RULES]]);
  });

  it('reads rule files where panelcraft.yaml puts them (alerts.dir)', async () => {
    repo = tempRepo();
    repo.write('panelcraft.yaml', 'alerts:\n  dir: ops/rules\n');
    repo.write('ops/rules/api.yaml', ruleFile('0.005'));
    repo.commit('before');
    repo.write('ops/rules/api.yaml', ruleFile('0.02'));
    const r = await runCommand(diff, ['--base', 'HEAD', '--format', 'text'], repo.dir);
    expect(r.stdout).toContain(
      '~ alert GoServiceHighErrorRatio (critical) [go-service-pages] changed  ops/rules/api.yaml\n',
    );
    expect(r.stdout).toContain('    thresholds: > 0.005 → > 0.02\n');
  });

  it('skips a YAML file under prometheus/rules that is not a rule file, saying why', async () => {
    const r = await ruleCase(ruleFile('0.005'), 'apiVersion: 1\n', 'text');
    expect(r.stderr).toBe(
      `panelcraft diff: skipped ${RULES} in the current build: not a Prometheus rule file: it has no \`groups:\` list\n`,
    );
    expect(r.stdout).toContain('1 rule differs: 1 removed.');
  });
});
