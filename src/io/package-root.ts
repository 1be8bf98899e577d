import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory panelcraft itself is installed in (holds its package.json, src/ and node_modules). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_ENTRY = path.join(PACKAGE_ROOT, 'src', 'index.ts');
