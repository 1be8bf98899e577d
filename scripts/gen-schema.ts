/**
 * `npm run gen:schema [-- OUT_DIR]`: regenerates the JSON Schemas under `schema/` (default) from the installed
 * @grafana/schema. The output is committed; test/validate/schema/fresh.test.ts fails when it is stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchemas } from './schema/generate.ts';

const outDir = path.resolve(process.argv[2] ?? 'schema');
const started = performance.now();
const files = generateSchemas();

// Panels no longer generated must not linger.
rmSync(path.join(outDir, 'panels'), { recursive: true, force: true });
for (const file of files) {
  const target = path.join(outDir, file.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.contents);
}
const panelCount = readdirSync(path.join(outDir, 'panels')).length;
process.stdout.write(
  `gen:schema: wrote ${files.length} files (${panelCount} panel schemas) to ${path.relative(process.cwd(), outDir) || '.'} in ${Math.round(performance.now() - started)} ms\n`,
);
