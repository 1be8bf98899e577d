import { findProjectRoot } from '../io/find-root.ts';
import { type CliContext, UsageError } from './context.ts';

/**
 * The project folder a command works on (`--root`, else the nearest folder up that holds the project), or a usage
 * error (exit 2) that names the folder it looked at. Creates nothing.
 */
export function projectRoot(ctx: CliContext, explicit: string | undefined, needDashboards = true): string {
  const found = findProjectRoot(ctx.cwd, { ...(explicit !== undefined ? { explicit } : {}), needDashboards });
  if (!found.ok) throw new UsageError(found.message);
  return found.root;
}
