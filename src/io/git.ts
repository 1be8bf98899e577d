import { mkdtemp, rm, symlink, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** A git ref that does not name a commit, or a folder that is not in a git work tree. */
export class GitRefError extends Error {
  override readonly name = 'GitRefError';
}

function git(cwd: string): SimpleGit {
  return simpleGit({ baseDir: cwd, maxConcurrentProcesses: 8, trimmed: false });
}

/** The commit id REF names, seen from `cwd`. */
export async function resolveRef(cwd: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitRefError(`"${ref}" is not a git ref`);
  let commit = '';
  let reason = 'unknown revision';
  try {
    commit = (await git(cwd).raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch (err) {
    reason = firstLine(err);
  }
  // simple-git resolves with empty output when git exits 1 without writing to stderr (`--quiet`).
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitRefError(await refProblem(cwd, ref, reason));
  return commit;
}

/** Why REF names no commit, in the user's terms: not a repository, no commit yet, or no such ref. */
async function refProblem(cwd: string, ref: string, reason: string): Promise<string> {
  if (/not a git repository/i.test(reason)) {
    return `${cwd} is not in a git repository, so "${ref}" means nothing there; run \`git init\` and commit, or run the command in your repository`;
  }
  let hasCommits = true;
  try {
    hasCommits = (await git(cwd).raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim() !== '';
  } catch {
    hasCommits = false;
  }
  if (!hasCommits) return `the git repository at ${cwd} has no commits yet, so "${ref}" names none; commit first`;
  return `"${ref}" does not name a commit in the git repository at ${cwd} (${reason}); check the spelling, or \`git fetch\` it`;
}

/**
 * Every file below `dir` (relative to `cwd`) at REF whose name ends in `suffix`, with its contents. Paths are posix,
 * relative to `cwd`, sorted. A `dir` missing at REF gives an empty list.
 */
export async function readFilesAtRef(
  cwd: string,
  ref: string,
  dir: string,
  suffix = '.json',
): Promise<{ path: string; contents: string }[]> {
  const commit = await resolveRef(cwd, ref);
  const g = git(cwd);
  const listing = await g.raw(['ls-tree', '-r', '-z', '--name-only', commit, '--', dir]);
  const paths = listing
    .split('\0')
    .filter((p) => p !== '' && p.endsWith(suffix))
    .sort();
  return Promise.all(paths.map(async (p) => ({ path: p, contents: await g.raw(['show', `${commit}:./${p}`]) })));
}

/** Whether anything exists below `dir` (relative to `cwd`) at REF. */
export async function existsAtRef(cwd: string, ref: string, dir: string): Promise<boolean> {
  const commit = await resolveRef(cwd, ref);
  const listing = await git(cwd).raw(['ls-tree', '--name-only', commit, '--', dir]);
  return listing.trim() !== '';
}

export interface TempCheckout {
  /** The folder in the checkout that corresponds to `cwd` (the project root when it is a subfolder of the repo). */
  readonly root: string;
  /** Removes the worktree and its temp folder. */
  readonly dispose: () => Promise<void>;
}

/**
 * Checks REF out into a detached worktree in a temp folder, for building REF's sources. `node_modules` of `cwd` is
 * linked in so the sources resolve the same packages. Call `dispose()` when done.
 */
export async function checkoutToTemp(cwd: string, ref: string): Promise<TempCheckout> {
  const commit = await resolveRef(cwd, ref);
  const g = git(cwd);
  const prefix = (await g.raw(['rev-parse', '--show-prefix'])).trim();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-diff-'));
  const worktree = path.join(tmp, 'worktree');
  await g.raw(['worktree', 'add', '--detach', worktree, commit]);
  const root = path.join(worktree, prefix);
  const modules = path.join(cwd, 'node_modules');
  if ((await isDir(modules)) && !(await isDir(path.join(root, 'node_modules')))) {
    await symlink(modules, path.join(root, 'node_modules'), 'dir').catch(() => undefined);
  }
  return {
    root,
    dispose: async () => {
      await g.raw(['worktree', 'remove', '--force', worktree]).catch(() => undefined);
      await rm(tmp, { recursive: true, force: true });
      await g.raw(['worktree', 'prune']).catch(() => undefined);
    },
  };
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim() || 'unknown error';
}
