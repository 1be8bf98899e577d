import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { planImports } from '../../src/import/plan-imports.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';
import { expectedBuild } from './support/expected-build.ts';
import { biomeFormatChanges, typecheckSources } from './support/generated-code.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROVISIONED = path.join(ROOT, 'provisioning/dashboards');

/** Every dashboard this repository ships, as built (provisioning/dashboards/<folder>/<uid>.json). */
const shipped = readdirSync(PROVISIONED, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ folder: path.dirname(f), file: f, text: readFileSync(path.join(PROVISIONED, f), 'utf8') }));

const PRESETS = ['goServiceOverview', 'routeMatrix', 'teachingDemo', 'defenseKpis'] as const;
const CONVENTIONS = ['clientGolang', 'otel', 'gin'] as const;

/** Builds `sources` in a fresh project and returns the built JSON by path below provisioning/dashboards. */
async function buildAll(project: TempProject): Promise<Map<string, string>> {
  const result = await project.run('build');
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  const dir = path.join(project.root, 'provisioning/dashboards');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

describe('build(import(x)) = x for what panelcraft builds itself', () => {
  let presets: TempProject;
  let presetBuilt: Map<string, string>;
  let reimported: TempProject;
  let rebuilt: Map<string, string>;
  let entries: ReturnType<typeof planImports>;

  beforeAll(async () => {
    // Every preset for the three conventions, built once.
    const sources: Record<string, string> = {};
    for (const convention of CONVENTIONS) {
      for (const preset of PRESETS) {
        sources[`dashboards/${convention.toLowerCase()}/${preset.toLowerCase()}.ts`] =
          `import { ${convention}, ${preset} } from 'panelcraft';\n\nexport default ${preset}({ convention: ${convention}(), job: 'shop' });\n`;
      }
    }
    presets = await tempProject(sources);
    presetBuilt = await buildAll(presets);
    // Then each built dashboard (and every shipped one) imported to the same place and built again.
    const inputs = [
      ...shipped.map((s) => ({ folder: `shipped-${s.folder}`, file: s.file, text: s.text })),
      ...[...presetBuilt].map(([f, text]) => ({ folder: path.dirname(f), file: f, text })),
    ];
    entries = inputs.flatMap((input) =>
      planImports([{ file: input.file, text: input.text }], { outDir: `dashboards/${input.folder}`, grafana: [12, 1] }),
    );
    reimported = await tempProject(Object.fromEntries(entries.map((e) => [e.output!, e.contents!])));
    rebuilt = await buildAll(reimported);
  }, 120_000);
  afterAll(async () => {
    await presets.dispose();
    await reimported.dispose();
  });

  it('imports all of them (5 shipped, 4 presets × 3 conventions)', () => {
    expect(shipped.length).toBe(5);
    expect(presetBuilt.size).toBe(12);
    expect(entries.map((e) => e.findings.filter((f) => f.kind === 'error'))).toEqual(entries.map(() => []));
  });

  it('every shipped dashboard builds back to itself, completed by the SDK defaults its builders start from', () => {
    for (const s of shipped) {
      const source = `shipped-${s.folder}/${path.basename(s.file, '.json')}.ts`;
      const built = rebuilt.get(path.join(`shipped-${s.folder}`, path.basename(s.file)));
      expect(built, s.file).toBe(expectedBuild(JSON.parse(s.text) as JsonObject, source));
    }
    // The go-services ones are all builder output already: byte for byte the committed files.
    for (const s of shipped.filter((d) => d.folder === 'go-services')) {
      expect(rebuilt.get(path.join(`shipped-${s.folder}`, path.basename(s.file))), s.file).toBe(s.text);
    }
  });

  it('every preset output, for client_golang, OTel and gin, builds back to the same bytes', () => {
    for (const [file, text] of presetBuilt) expect(rebuilt.get(file), file).toBe(text);
  });

  it("the generated sources type-check and are in Biome's format", async () => {
    const sources = Object.fromEntries(entries.map((e) => [e.output!.replace(/\//g, '__'), e.contents!]));
    expect(await typecheckSources(sources)).toEqual([]);
    expect(await biomeFormatChanges(sources)).toEqual([]);
  }, 120_000);
});

describe('panelcraft panels in an imported dashboard', () => {
  const overview = shipped.find((s) => s.file.endsWith('go-services-overview.json'))!;

  it('are named in a comment with the call that writes the same queries', () => {
    const [entry] = planImports([{ file: 'overview.json', text: overview.text }], {
      outDir: 'dashboards/go-services',
      grafana: [12, 1],
    });
    expect(entry!.contents).toContain(
      '  // panelcraft: requestRate({ convention: clientGolang() }) writes these queries (--use-panelcraft writes that call)\n  .withPanel(\n    new timeseries.PanelBuilder()',
    );
    expect(entry!.findings).toContainEqual(
      expect.objectContaining({
        kind: 'note',
        panel: 'Availability',
        message:
          "recognizably panelcraft's kpiStat({ convention: clientGolang(), kpi: 'availability' }): same queries; --use-panelcraft writes that call",
      }),
    );
  });

  it('with --use-panelcraft are written as that call, and the shipped overview still builds to its committed bytes', async () => {
    const [entry] = planImports([{ file: 'overview.json', text: overview.text }], {
      outDir: 'dashboards/go-services',
      grafana: [12, 1],
      usePanelcraft: true,
    });
    expect(entry!.contents).toMatch(
      /^ {2}\.withPanel\(requestRate\(\{ convention: clientGolang\(\) \}\)\.gridPos\(\{ h: 8, w: 12, x: 0, y: \d+ \}\)\.id\(\d+\)\)$/m,
    );
    expect(entry!.contents).not.toContain('timeseries.PanelBuilder');
    expect(entry!.contents).toMatch(/^import \{[^}]*\bclientGolang,[^}]*\brequestRate,[^}]*\} from 'panelcraft';$/m);
    const project = await tempProject({ [entry!.output!]: entry!.contents! });
    try {
      const built = await buildAll(project);
      expect(built.get(path.join('go-services', path.basename(overview.file)))).toBe(overview.text);
      expect(await typecheckSources({ 'overview.ts': entry!.contents! })).toEqual([]);
      expect(await biomeFormatChanges({ 'overview.ts': entry!.contents! })).toEqual([]);
    } finally {
      await project.dispose();
    }
  }, 60_000);
});

describe('--factor', () => {
  it('writes a variable set several dashboards share once under dashboards/_lib/, and they build the same', async () => {
    const sources = Object.fromEntries(
      (['goServiceOverview', 'routeMatrix', 'defenseKpis'] as const).map((preset) => [
        `dashboards/x/${preset.toLowerCase()}.ts`,
        `import { clientGolang, ${preset} } from 'panelcraft';\n\nexport default ${preset}({ convention: clientGolang(), job: 'shop' });\n`,
      ]),
    );
    const presets = await tempProject(sources);
    try {
      const built = await buildAll(presets);
      const inputs = [...built].map(([file, text]) => ({ file, text }));
      const entries = planImports(inputs, { outDir: 'dashboards/shop', grafana: [12, 1], factor: true });
      const lib = entries.find((e) => e.output === 'dashboards/_lib/shop-variables.ts');
      expect(lib?.contents).toMatch(/^export function shopVariables\(\) \{$/m);
      const dashboards = entries.filter((e) => e !== lib);
      expect(dashboards).toHaveLength(3);
      for (const e of dashboards) {
        expect(e.contents).toContain("import { shopVariables } from '../_lib/shop-variables.ts';");
        expect(e.contents).toContain('  .variables(shopVariables())\n');
        expect(e.contents).not.toContain('.withVariable(');
      }
      const project = await tempProject(Object.fromEntries(entries.map((e) => [e.output!, e.contents!])));
      try {
        const rebuilt = await buildAll(project);
        const plain = await tempProject(
          Object.fromEntries(
            planImports(inputs, { outDir: 'dashboards/shop', grafana: [12, 1] }).map((e) => [e.output!, e.contents!]),
          ),
        );
        try {
          expect(rebuilt).toEqual(await buildAll(plain));
        } finally {
          await plain.dispose();
        }
      } finally {
        await project.dispose();
      }
      const files = Object.fromEntries(entries.map((e) => [e.output!.replace('dashboards/', ''), e.contents!]));
      expect(await typecheckSources(files)).toEqual([]);
      expect(await biomeFormatChanges(files)).toEqual([]);
    } finally {
      await presets.dispose();
    }
  }, 90_000);
});
