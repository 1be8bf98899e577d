import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../../../scripts/schema/generate.ts';

const schemaDir = path.resolve(import.meta.dirname, '../../../schema');

function committedFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? committedFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

describe('schema/ is generated from the installed @grafana/schema', () => {
  // Generating takes a few seconds (one TypeScript program over @grafana/schema's .d.ts files).
  it('equals a fresh `npm run gen:schema`, byte for byte', { timeout: 120_000 }, () => {
    const fresh = generateSchemas();
    expect(committedFiles(schemaDir).sort()).toEqual(fresh.map((f) => f.path).sort());
    for (const file of fresh) {
      const committed = readFileSync(path.join(schemaDir, file.path), 'utf8');
      // A plain equality keeps the failure short; the fix is always the same.
      expect(
        committed === file.contents,
        `schema/${file.path} is stale: run \`npm run gen:schema\` and commit the result`,
      ).toBe(true);
    }
  });

  it('records the @grafana/schema version in every schema file', () => {
    const version = (
      JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, '../../../node_modules/@grafana/schema/package.json'), 'utf8'),
      ) as { version: string }
    ).version;
    for (const file of committedFiles(schemaDir).filter((f) => f.endsWith('.schema.json'))) {
      const schema = JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as { $comment?: string };
      expect(schema.$comment, file).toContain(`@grafana/schema ${version}`);
    }
  });
});
