import path from 'node:path';
import type { CliContext } from './context.ts';

/** `--cache-dir DIR` resolved against the working directory, as `buildProject`'s `cacheDir`; none without it. */
export function cacheDirOption(ctx: CliContext, dir: string | undefined): { cacheDir?: string } {
  return dir === undefined || dir === '' ? {} : { cacheDir: path.resolve(ctx.cwd, dir) };
}

/** What `--help` says about `--cache-dir`. */
export const CACHE_DIR_HELP =
  'keep the build cache in DIR instead of <root>/node_modules/.cache/panelcraft (e.g. a folder CI restores with actions/cache)';
