import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from '@fast-check/vitest';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardValue } from '../../src/build/dashboard-value.ts';
import type { JsonObject } from '../../src/model/json.ts';
import { importDashboard } from '../../src/import/import-dashboard.ts';
import { asBuilt, planImports } from '../../src/import/plan-imports.ts';
import { withSdkDefaults } from '../../src/import/sdk-defaults.ts';
import * as panelcraft from '../../src/index.ts';
import { loadDashboards } from '../../src/io/load-dashboards.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';
import { biomeFormatChanges, typecheckSources } from './support/generated-code.ts';

/** Text that breaks naive code generation: quotes, backslashes, `${`, backticks, line terminators, comment ends. */
const tricky = fc.constantFrom(
  '"',
  "'",
  '`',
  '\\',
  '${',
  '}',
  '$',
  '{',
  '\n',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '*/',
  '/*',
  '//',
  '</script>',
  '\u0000',
  '\ud800',
  'é',
  '😀',
  '中文',
  '${DS_PROMETHEUS}',
  ' ',
);
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: tricky, maxLength: 12 }));
const key = fc.oneof(
  text,
  fc.constantFrom('__proto__', 'constructor', 'toString', '0', '10', '-1', 'a-b', 'a b', '', '$x', '1e3'),
);

/** A dashboard whose titles, queries, legends, tags and option keys are arbitrary strings. */
const dashboard = fc
  .record({
    title: text,
    description: text,
    tags: fc.array(text, { maxLength: 3 }),
    expr: text,
    legend: text,
    panelTitle: text,
    options: fc.dictionary(
      key,
      fc.oneof(
        text,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
      ),
      { maxKeys: 5 },
    ),
  })
  .map(
    (d): JsonObject =>
      // Through JSON, as a dashboard file holds it (a "__proto__" key stays an own key, -0 becomes 0).
      JSON.parse(
        JSON.stringify({
          uid: 'fidelity',
          title: d.title,
          description: d.description,
          tags: d.tags,
          schemaVersion: 41,
          templating: {
            list: [
              { name: 'job', type: 'query', query: d.expr, datasource: { type: 'prometheus', uid: '${datasource}' } },
            ],
          },
          panels: [
            {
              id: 1,
              type: 'timeseries',
              title: d.panelTitle,
              gridPos: { h: 8, w: 12, x: 0, y: 0 },
              options: d.options,
              targets: [{ refId: 'A', expr: d.expr, legendFormat: d.legend }],
            },
          ],
        }),
      ) as JsonObject,
  );

/**
 * What the generated source builds: the dashboard as importDashboard cleans it up and the build would write it
 * (nulls dropped, refIds and the datasource variable added), completed by the SDK builders' defaults.
 */
function built(d: JsonObject, uid = 'p-in'): JsonObject {
  const imported = importDashboard(d, [12, 1]);
  if (!imported.ok) throw new Error('not imported');
  return withSdkDefaults(asBuilt(imported.dashboard, uid, { outDir: 'dashboards/p', grafana: [12, 1] }));
}

function importSource(d: JsonObject): string {
  const [entry] = planImports([{ file: 'in.json', text: JSON.stringify(d) }], {
    outDir: 'dashboards/p',
    grafana: [12, 1],
  });
  if (entry?.contents === undefined) throw new Error(`not imported: ${JSON.stringify(entry?.findings)}`);
  return entry.contents;
}

const nodeRequire = createRequire(import.meta.url);
/** The generated file imports `withFields` from 'panelcraft' (this package itself). */
const require = (id: string): unknown => (id === 'panelcraft' ? panelcraft : nodeRequire(id));

/** Compiles the generated TypeScript the way the loader does (esbuild) and returns its default export. */
function evaluate(source: string): unknown {
  const { code } = esbuild.transformSync(source, { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports.default;
}

describe('string values survive import → load unchanged', () => {
  // The source builds the dashboard completed with the SDK builders' defaults; every string the file had stays.
  test.prop([dashboard], { numRuns: 300 })('the generated source evaluates to the imported dashboard', (d) => {
    const loaded = dashboardValue(evaluate(importSource(d)));
    expect(loaded).toEqual({ ok: true, dashboard: built(d) });
  });

  describe('through the real loader', () => {
    let project: TempProject;
    // Lone surrogates are left to the property above and the subprocess test below: vitest re-parses the loader's
    // bundle with rollup, which rejects the `\uD800` escapes esbuild writes for them (Node itself accepts them).
    const samples = fc
      .sample(dashboard, { numRuns: 25, seed: 20_240_611 })
      .filter((d) => !/\\ud[89a-f]/i.test(JSON.stringify(d)));
    beforeAll(async () => {
      project = await tempProject(
        Object.fromEntries(samples.map((d, i) => [`dashboards/p/d${i}.ts`, importSource(d)])),
      );
    });
    afterAll(() => project.dispose());

    it('loads every sample as the dashboard it came from', async () => {
      expect(samples.length).toBeGreaterThan(10);
      const files = samples.map((_, i) => `dashboards/p/d${i}.ts`);
      const loaded = await loadDashboards(project.root, files);
      const values = loaded.map((entry) => ('exported' in entry ? dashboardValue(entry.exported) : entry));
      expect(values).toEqual(samples.map((d, i) => ({ ok: true, dashboard: built(d, `p-d${i}`) })));
    });
  });
});

describe('hostile strings in generated code', () => {
  it("stay data: the generated files type-check under strict and are already in Biome's format", async () => {
    const samples = fc.sample(dashboard, { numRuns: 10, seed: 14 });
    const sources = Object.fromEntries(samples.map((d, i) => [`hostile-${i}.ts`, importSource(d)]));
    expect(await typecheckSources(sources)).toEqual([]);
    expect(await biomeFormatChanges(sources)).toEqual([]);
  }, 60_000);
});

describe('the panelcraft bin in its own process', () => {
  it('imports and builds lone surrogates, U+2028, "${" and backslashes unchanged', async () => {
    const strings = ['a\ud800b', '\udfff', 'line\u2028sep\u2029', '${DS_X} `${x}` \\ */', '"quoted"\n\'single\''];
    const original: JsonObject = {
      uid: 'odd-strings',
      title: strings.join(' | '),
      schemaVersion: 41,
      panels: strings.map((s, i) => ({
        id: i + 1,
        type: 'text',
        title: s,
        gridPos: { h: 4, w: 24, x: 0, y: 4 * i },
        options: { content: s, mode: 'markdown' },
      })),
    };
    // "${x}" and "${DS_X}" are what the test is about; the rules that flag them as undefined variables are off.
    const config = 'rules:\n  variable-undefined: off\n  import-placeholders: off\n';
    const project = await tempProject({ 'in.json': JSON.stringify(original), 'panelcraft.yaml': config });
    try {
      const bin = path.resolve(import.meta.dirname, '../../bin/panelcraft.js');
      const run = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { cwd: project.root });
      await run('import', 'in.json', '--out', 'dashboards/odd');
      await run('build');
      const built = JSON.parse(await project.read('provisioning/dashboards/odd/odd-strings.json')) as JsonObject;
      expect(built.title).toBe(original.title);
      expect((built.panels as JsonObject[]).map((p) => [p.title, (p.options as JsonObject).content])).toEqual(
        strings.map((s) => [s, s]),
      );
    } finally {
      await project.dispose();
    }
  });
});
