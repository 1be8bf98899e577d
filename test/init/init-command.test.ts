import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function listTree(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

describe('panelcraft init', () => {
  it('scaffolds a repository that builds, then a second run writes nothing and lists every file as skipped', async () => {
    project = await tempProject();
    const first = await project.run(
      'init',
      '--service',
      'api',
      '--convention',
      'gin',
      '--service',
      'pay',
      '--convention',
      'otel',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('  wrote    dashboards/pay/overview.ts\n');
    const tree = await listTree(project.root);
    const again = await project.run(
      'init',
      '--service',
      'api',
      '--convention',
      'gin',
      '--service',
      'pay',
      '--convention',
      'otel',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('wrote');
    for (const file of tree) expect(again.stdout).toContain(`skipped  ${file} (`);
    expect(await listTree(project.root)).toEqual(tree);

    const build = await project.run('build');
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(/^panelcraft build: 2 dashboards/);
  });

  it.runIf(realToolsAvailable(['promtool']))(
    'writes a prometheus.yml that promtool accepts, with one job per service',
    async () => {
      project = await tempProject();
      await project.run('init', '--service', 'api', '--service', 'worker');
      const config = await project.read('deploy/prometheus.yml');
      expect(config).toContain('  - job_name: "api"\n');
      expect(config).toContain('  - job_name: "worker"\n');
      const { stdout } = await promisify(execFile)('promtool', ['check', 'config', 'deploy/prometheus.yml'], {
        cwd: project.root,
      });
      expect(stdout).toContain('SUCCESS');
    },
  );

  it('rejects a bad convention, locale or service name with exit 2 and writes nothing', async () => {
    project = await tempProject();
    const cases: Array<[string[], string]> = [
      [['--service', 'api', '--convention', 'prom'], '--convention "prom" is not one of client-golang, otel, gin'],
      [['--service', 'api', '--locale', 'zh'], '--locale "zh" is not one of en, zh-CN'],
      [['--service', '../x'], 'service name "../x" must be 1-63 letters'],
      [['--convention', 'gin'], '--convention and --locale describe a --service NAME'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await project.run('init', ...args);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    }
    expect(await listTree(project.root)).toEqual([]);
  });

  it('asks for services when run on a terminal without --service', async () => {
    project = await tempProject();
    const answers = ['shop', 'gin', 'zh-CN', ''];
    const questions: string[] = [];
    let stdout = '';
    const ctx = {
      cwd: project.root,
      env: {},
      stdout: (t: string) => (stdout += t),
      stderr: () => undefined,
      ask: async (q: string) => {
        questions.push(q);
        return answers.shift() ?? '';
      },
    } as CliContext;
    expect(await main(['init'], ctx)).toBe(0);
    expect(questions).toHaveLength(4);
    expect(await readFile(path.join(project.root, 'dashboards/shop/overview.ts'), 'utf8')).toContain(
      "convention: gin(),\n  job: 'shop',\n  locale: 'zh-CN',",
    );
  });
});
