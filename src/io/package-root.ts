import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory panelcraft itself is installed in (holds its package.json, src/ and node_modules): the nearest
 * folder above this module whose package.json is named "panelcraft". Found by walking up, so it holds when running
 * from src/, from the compiled dist/src/ and from the CLI bundle cached under node_modules/.cache.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
/** What `import … from 'panelcraft'` in a dashboard loads: the sources in this repository, the compiled dist/ once installed. */
export const PACKAGE_ENTRY = existsSync(path.join(PACKAGE_ROOT, 'src', 'index.ts'))
  ? path.join(PACKAGE_ROOT, 'src', 'index.ts')
  : path.join(PACKAGE_ROOT, 'dist', 'src', 'index.js');

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      if (
        (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'panelcraft'
      )
        return dir;
    } catch {
      // no package.json here, keep walking
    }
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}
