import { statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from '../build/manifest.ts';

export type RootLookup =
  | { readonly ok: true; readonly root: string }
  | { readonly ok: false; readonly message: string };

export interface FindRootOptions {
  /** `--root` as the user typed it, relative to `cwd`. */
  readonly explicit?: string;
  /** Whether the command needs sources, `dashboards/` or `alerts/` (build, dev, diff); lint and verify of built files do not. */
  readonly needDashboards: boolean;
}

/** A project's source folders: dashboards, and alert rules (an alerts-only project is a project too). */
const SOURCE_FOLDERS = ['dashboards', 'alerts'] as const;

const kind = (p: string): 'dir' | 'file' | 'none' => {
  try {
    return statSync(p).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
};

const hasSources = (dir: string): boolean => SOURCE_FOLDERS.some((name) => kind(path.join(dir, name)) === 'dir');

/**
 * The project a command works on: `--root` when given, else the nearest folder up from `cwd` that holds
 * `panelcraft.yaml`, or a `package.json` next to a `dashboards/` folder, else the working directory itself if it
 * holds `dashboards/` (and is not build output). Refuses (with a message naming the folder
 * it looked at) rather than guess: a `--root` that does not exist or is a file, a project without `dashboards/`
 * when the command needs one. Creates nothing.
 */
export function findProjectRoot(cwd: string, options: FindRootOptions): RootLookup {
  if (options.explicit !== undefined) {
    const root = path.resolve(cwd, options.explicit);
    const k = kind(root);
    if (k === 'none') return { ok: false, message: `--root ${root} does not exist` };
    if (k === 'file')
      return { ok: false, message: `--root ${root} is a file; give the project folder (the one holding dashboards/)` };
    return checked(root, options);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (kind(path.join(dir, 'panelcraft.yaml')) === 'file') return checked(dir, options);
    if (kind(path.join(dir, 'package.json')) === 'file' && hasSources(dir)) return { ok: true, root: dir };
    if (path.dirname(dir) === dir) break;
  }
  const start = path.resolve(cwd);
  // A folder holding dashboards/ is a project too when the command runs right there, unless it is build output
  // (provisioning/ holds dashboards/ and the manifest of the build that wrote it).
  if (hasSources(start) && kind(path.join(start, MANIFEST_FILE)) === 'none') return { ok: true, root: start };
  if (!options.needDashboards) return { ok: true, root: start };
  return {
    ok: false,
    message: `no panelcraft project in ${start} or any folder above it (looked for panelcraft.yaml, or package.json next to a dashboards/ or alerts/ folder); run \`npx panelcraft init\` there, or pass --root DIR`,
  };
}

function checked(root: string, options: FindRootOptions): RootLookup {
  if (options.needDashboards && !hasSources(root)) {
    return {
      ok: false,
      message: `${root} has no dashboards/ or alerts/ folder; create one (or run \`npx panelcraft init\`), or pass --root to the project folder`,
    };
  }
  return { ok: true, root };
}
