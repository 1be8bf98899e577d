import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/context.ts';
import { main } from '../../src/cli/main.ts';

/** A project folder in the OS temp dir, with helpers to write sources and run the CLI in-process. */
export interface TempProject {
  readonly root: string;
  write(file: string, contents: string): Promise<void>;
  read(file: string): Promise<string>;
  run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  dispose(): Promise<void>;
}

export async function tempProject(files: Record<string, string> = {}): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-test-'));
  const project: TempProject = {
    root,
    async write(file, contents) {
      const abs = path.join(root, file);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, contents);
    },
    read: (file) => readFile(path.join(root, file), 'utf8'),
    async run(...args) {
      let stdout = '';
      let stderr = '';
      const ctx: CliContext = { cwd: root, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
      const code = await main(args, ctx);
      return { code, stdout, stderr };
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  for (const [file, contents] of Object.entries(files)) await project.write(file, contents);
  return project;
}

/** A small foundation-SDK dashboard source with one timeseries panel. */
export function sdkDashboardSource(title: string, expr = 'sum(rate(http_requests_total[$__rate_interval]))'): string {
  return `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

export default new DashboardBuilder(${JSON.stringify(title)})
  .withPanel(new PanelBuilder().title('Requests').description('Requests per second').unit('reqps').withTarget(new DataqueryBuilder().expr(${JSON.stringify(expr)})));
`;
}
