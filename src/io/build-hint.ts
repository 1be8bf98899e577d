import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How to run a build in this project, for hints: `npm run build:dashboards` when its package.json has that script
 * and it runs panelcraft's build, else `npx panelcraft build`, which works in any repository that installed it.
 */
export function buildCommand(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts?: Record<string, unknown>;
    };
    const script = pkg.scripts?.['build:dashboards'];
    if (typeof script === 'string' && /panelcraft(\.js)?\s+build\b/.test(script)) return 'npm run build:dashboards';
  } catch {
    // no package.json, or not JSON: the bin works anyway
  }
  return 'npx panelcraft build';
}
