import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real git repository in a temp folder, for diff tests. */
export interface TempRepo {
  readonly dir: string;
  write(rel: string, contents: string): void;
  remove(rel: string): void;
  commit(message: string): void;
  git(...args: string[]): string;
  dispose(): void;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'panelcraft test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'panelcraft test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function tempRepo(): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-diff-test-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: { ...process.env, ...GIT_ENV, HOME: dir },
      encoding: 'utf8',
    });
  git('init', '-q');
  return {
    dir,
    write(rel, contents) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), contents);
    },
    remove(rel) {
      rmSync(path.join(dir, rel), { force: true });
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
    },
    git,
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
