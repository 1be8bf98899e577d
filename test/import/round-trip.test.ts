import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';
import { expectedBuild } from './support/expected-build.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/dashboards');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as JsonObject;

// The fixtures are full of what lint exists to catch; this test is about fidelity, so those rules are off.
const CONFIG = `rules:
  angular-panel: off
  library-panel: off
  panel-targets: off
  panel-units: off
  repeat-variable: off
  schema: off
  variable-undefined: off
  uid-unique: off
`;

function expected(dashboard: JsonObject, source: string): string {
  return expectedBuild(dashboard, source);
}

describe('import → build round trip', () => {
  let project: TempProject;
  let build: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    project = await tempProject({ 'panelcraft.yaml': CONFIG });
    for (const [name, folder] of [
      ['go-service-modern', 'modern'],
      ['wrapped-api-export', 'wrapped'],
      ['legacy-node-exporter', 'legacy'],
    ] as const) {
      const imported = await project.run(
        'import',
        path.join(FIXTURES, `${name}.json`),
        '--out',
        `dashboards/${folder}`,
      );
      expect(imported.code, imported.stderr).toBe(0);
    }
    build = await project.run('build', '--root', project.root);
  });
  afterAll(() => project.dispose());

  it('builds every imported source', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^panelcraft build: 3 dashboards → provisioning\/ \(5 written/);
  });

  it('a modern export builds to what normalizing the original JSON gives (no clean-up needed)', async () => {
    const original = fixture('go-service-modern.json');
    expect(await project.read('provisioning/dashboards/modern/orders-service.json')).toBe(
      expected(original, 'modern/orders-service.ts'),
    );
  });

  it('a wrapped export builds to what normalizing the unwrapped dashboard gives', async () => {
    const original = fixture('wrapped-api-export.json').dashboard as JsonObject;
    expect(await project.read('provisioning/dashboards/wrapped/orders-service.json')).toBe(
      expected(original, 'wrapped/orders-service.ts'),
    );
  });

  it('an old export builds to what normalizing the cleaned-up dashboard gives: rows moved, datasources as refs', async () => {
    const built = await project.read('provisioning/dashboards/legacy/rYdddlPWk.json');
    expect(built).toBe(expected(fixture('legacy-node-exporter.json'), 'legacy/node-exporter-full.ts'));
    expect(built).not.toContain('DS_PROMETHEUS');
    expect((JSON.parse(built) as JsonObject).rows).toBeUndefined();
  });
});
