import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/model/diagnostic.ts';
import { buildProject } from '../../src/tooling/build-project.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The committed provisioning/ tree is the golden output of the dashboards we ship: a fresh in-memory build must
 * give the same bytes, file for file (review changes to it like code; regenerate with `npm run build:dashboards`).
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
  it.each(result.files.map((f) => [f.path, f.contents] as const))('%s is unchanged', async (file, contents) => {
    await expect(contents).toMatchFileSnapshot(path.join(ROOT, file));
  });
});
