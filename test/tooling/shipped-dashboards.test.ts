import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/model/diagnostic.ts';
import { buildProject } from '../../src/tooling/build-project.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The dashboards we ship build cleanly. That the committed provisioning/ tree equals a fresh build is checked by
 * `panelcraft build --check` in CI (`.ci/run`), not by a snapshot here, so `vitest -u` never rewrites committed output.
 */
describe('shipped dashboards', async () => {
  const result = await buildProject({ root: ROOT });
  it('build without errors or warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(hasErrors(result.diagnostics)).toBe(false);
    expect(result.dashboards.map((d) => d.output).sort()).toEqual([
      'dashboards/examples/examples-plain-sdk.json',
      'dashboards/go-services/go-services-defense-kpis.json',
      'dashboards/go-services/go-services-overview.json',
      'dashboards/go-services/go-services-route-matrix.json',
      'dashboards/go-services/go-services-teaching-demo.json',
    ]);
  });
});
