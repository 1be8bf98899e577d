/**
 * `npm run gen:sdk-catalog`: rewrites src/import/sdk-catalog.gen.json from the installed foundation SDK.
 * The output is committed; test/import/sdk-catalog.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCatalog } from './sdk-catalog/generate.ts';

const out = path.resolve(import.meta.dirname, '../src/import/sdk-catalog.gen.json');
const catalog = generateCatalog();
writeFileSync(out, `${JSON.stringify(catalog, null, 2)}\n`);
process.stdout.write(
  `gen:sdk-catalog: ${Object.keys(catalog.builders).length} builders, ${Object.keys(catalog.types).length} types → ${path.relative(process.cwd(), out)}\n`,
);
