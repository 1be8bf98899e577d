import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type BuildProjectOptions,
  buildProject,
  type ProjectBuild,
  writeProject,
} from '../../src/tooling/build-project.ts';

/** A dashboard source for cache tests: optionally importing the shared `_lib/names.ts`, with a chosen unit. */
export function cacheDashboard(
  title: string,
  options: { readonly lib?: boolean; readonly unit?: string; readonly extra?: string } = {},
): string {
  const panelTitle = options.lib ? `panelTitle(${JSON.stringify(title)})` : JSON.stringify(`${title} requests`);
  return `import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
${options.lib ? "import { panelTitle } from '../_lib/names.ts';\n" : ''}${options.extra ?? ''}
export default new DashboardBuilder(${JSON.stringify(title)})
  .withPanel(new PanelBuilder().title(${panelTitle}).description('Requests per second').unit(${JSON.stringify(options.unit ?? 'reqps')}).withTarget(new DataqueryBuilder().expr('sum(rate(http_requests_total[$__rate_interval]))')));
`;
}

export function cacheLib(suffix: string): string {
  return `export function panelTitle(name: string): string {\n  return \`\${name} ${suffix}\`;\n}\n`;
}

/** Builds and writes like `panelcraft build` (without the type check unless asked), returning the build. */
export async function buildAndWrite(
  root: string,
  cache: { readonly dir?: string } | false,
  typecheck = false,
  more: Omit<BuildProjectOptions, 'root' | 'typecheck' | 'cache'> = {},
): Promise<{ build: ProjectBuild; written: boolean }> {
  const where = cache === false ? { cache: false as const } : cache.dir !== undefined ? { cacheDir: cache.dir } : {};
  const build = await buildProject({ root, typecheck, ...where, deferCacheWrites: true, ...more });
  const outcome = await writeProject(root, build);
  await build.storeInCache?.(outcome.onDisk);
  return { build, written: outcome.written };
}

/** Every file below `dir` with its bytes, paths relative to it (empty when it does not exist). */
export async function treeBytes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (abs: string, rel: string) => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path.join(abs, e.name), r);
      else out[r] = await readFile(path.join(abs, e.name), 'utf8');
    }
  };
  await walk(dir, '');
  return out;
}
