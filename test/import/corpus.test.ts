import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { planImports } from '../../src/import/plan-imports.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';
import { expectedBuild } from './support/expected-build.ts';
import { biomeFormatChanges, typecheckSources } from './support/generated-code.ts';

const CORPUS = path.join(import.meta.dirname, '../fixtures/import-corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (file: string) => readFileSync(path.join(CORPUS, file), 'utf8');

describe('a corpus of real legacy dashboards (test/fixtures/import-corpus)', () => {
  const entries = planImports(
    FILES.map((file) => ({ file, text: read(file) })),
    { outDir: 'dashboards/corpus', grafana: [12, 1] },
  );
  let project: TempProject;
  let build: { code: number; stdout: string; stderr: string };
  let lint: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    // ingress-nginx's request-handling dashboard really queries "$namespace" without defining it: a finding about the
    // dashboard, not about the import, so it is a warning here and the build goes through.
    const config = 'rules:\n  variable-undefined: warning\n';
    project = await tempProject({
      'panelcraft.yaml': config,
      ...Object.fromEntries(entries.map((e) => [e.output!, e.contents!])),
    });
    build = await project.run('build');
    lint = await project.run('lint', 'provisioning/dashboards', '--json');
  }, 60_000);
  afterAll(() => project.dispose());

  it('imports every file as a builder chain, without an object-literal cast', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(5);
    for (const entry of entries) {
      expect(
        entry.findings.filter((f) => f.kind === 'error'),
        entry.source,
      ).toEqual([]);
      expect(entry.contents).toContain('export default withFields(\n  new DashboardBuilder(');
      expect(entry.contents).not.toMatch(/\bas unknown\b|\bas any\b/);
    }
  });

  it('upgrades every graph, singlestat and old table, and names what it could not carry over', () => {
    const counts = { upgraded: 0, kept: 0, notUpgradable: 0 };
    const types = new Set<string>();
    for (const entry of entries) {
      for (const p of entry.panels ?? []) {
        if (p.kind === 'upgraded') types.add(`${p.upgrade.from}→${p.upgrade.to}`);
        counts[p.kind === 'upgraded' ? 'upgraded' : p.kind === 'kept' ? 'kept' : 'notUpgradable']++;
      }
    }
    // ingress-nginx: 5 singlestat, 5 graph, 2 old tables + 9 graph; etcd: 11 graph, 1 singlestat; thanos: 9 + 8 graph.
    expect(counts).toEqual({ upgraded: 50, kept: 0, notUpgradable: 0 });
    expect([...types].sort()).toEqual(['graph→timeseries', 'singlestat→stat', 'table-old→table']);
    const report = entries.flatMap((e) => e.findings).map((f) => f.message);
    expect(report).toContainEqual(
      expect.stringMatching(/^upgraded graph → timeseries \(Grafana's graphToTimeseriesOptions\): y-axes → unit/),
    );
    expect(report).toContainEqual(expect.stringMatching(/^not carried over to table: hidden column style "Time"/));
  });

  it('every generated file type-checks under strict and is already formatted as Biome formats it', async () => {
    const sources = Object.fromEntries(entries.map((e) => [path.basename(e.output!), e.contents!]));
    expect(await typecheckSources(sources)).toEqual([]);
    expect(await biomeFormatChanges(sources)).toEqual([]);
  }, 120_000);

  it('builds, and each built dashboard is the upgraded original completed by the SDK defaults', async () => {
    expect(build.code, build.stderr + build.stdout).toBe(0);
    for (const [i, file] of FILES.entries()) {
      const entry = entries[i]!;
      const built = await project.read(`provisioning/dashboards/corpus/${entry.uid ?? ''}.json`);
      expect(JSON.parse(built), file).toEqual(
        JSON.parse(expectedBuild(JSON.parse(read(file)) as JsonObject, entry.output!.slice('dashboards/'.length))),
      );
    }
  });

  it('lint finds nothing legacy in the built output', () => {
    const report = JSON.parse(lint.stdout) as { command: string; diagnostics: { rule: string }[] };
    expect(report.command).toBe('lint');
    const rules = new Set(report.diagnostics.map((d) => d.rule));
    expect(rules.has('panel-description')).toBe(true); // lint did look: these dashboards have no panel descriptions
    for (const legacy of [
      'angular-panel',
      'schema-version-old',
      'rows-legacy',
      'datasource-string',
      'import-placeholders',
    ]) {
      expect(rules.has(legacy), `${legacy} in ${[...rules].join(', ')}`).toBe(false);
    }
  });

  it('is stable under re-import: importing the built output gives the same source', async () => {
    for (const entry of entries) {
      const built = await project.read(`provisioning/dashboards/corpus/${entry.uid ?? ''}.json`);
      const [again] = planImports([{ file: entry.source, text: built }], {
        outDir: 'dashboards/corpus',
        grafana: [12, 1],
      });
      expect(again!.contents, entry.source).toBe(entry.contents);
    }
  });
});
