import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportReport } from '../../src/import/format-import-report.ts';
import { planImports } from '../../src/import/plan-imports.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/dashboards');

/** An old UI export with __inputs and legacy rows, a modern SDK-like export, and the same wrapped as an API payload. */
const CASES = ['legacy-node-exporter', 'go-service-modern', 'wrapped-api-export'] as const;

describe('panelcraft import golden sources', () => {
  it.each(CASES)('%s imports as before', async (name) => {
    const file = `${name}.json`;
    const [entry] = planImports([{ file, text: readFileSync(path.join(FIXTURES, file), 'utf8') }], {
      outDir: 'dashboards/imported',
      grafana: [12, 1],
    });
    expect(entry!.findings.filter((f) => f.kind === 'error')).toEqual([]);
    // The golden .ts files are typechecked with the project (tsconfig includes test/): they must compile.
    await expect(entry!.contents).toMatchFileSnapshot(`./golden/${name}.ts`);
    await expect(formatImportReport([entry!])).toMatchFileSnapshot(`./golden/${name}.report.txt`);
  });
});
