// The full panelcraft build of a tree in one process, stage by stage, as `panelcraft build` runs it (without the
// type check unless BENCH_TYPECHECK=1, and without the build cache: the stages measured here are load, render and
// write).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../src/config/config.ts';
import { buildProject, writeProject } from '../src/tooling/build-project.ts';
import { findDashboardFiles } from '../src/io/find-dashboards.ts';
import { loadDashboards } from '../src/io/load-dashboards.ts';
import { runRules } from '../src/validate/engine.ts';
import { allRules } from '../src/validate/rules/index.ts';

const [root] = process.argv.slice(2);
await rm(path.join(root!, 'provisioning'), { recursive: true, force: true });
const t0 = performance.now();
const files = await findDashboardFiles(root!);
const loaded = await loadDashboards(root!, files);
const t1 = performance.now();
const build = await buildProject(
  // No build cache: these are the stages' own costs (the CLI runs in bench/run.ts measure the cache).
  { root: root!, config: DEFAULT_CONFIG, typecheck: process.env.BENCH_TYPECHECK === '1', cache: false },
  loaded,
);
const t2 = performance.now();
const outcome = await writeProject(root!, build);
const t3 = performance.now();
if (!outcome.written) throw new Error(`build failed: ${JSON.stringify(outcome.diagnostics.slice(0, 3))}`);
// Validation alone, measured again on the rendered documents (warm), to split render into normalize and validate.
const docs = build.dashboards.map((d) => ({
  file: d.source,
  ...(d.folder ? { folder: d.folder } : {}),
  dashboard: d.dashboard,
}));
const v0 = performance.now();
if (process.env.BENCH_SKIP_REVALIDATE !== '1') runRules(docs, allRules, { origin: 'build' });
const v1 = performance.now();
process.stdout.write(
  JSON.stringify({
    ms: t3 - t0,
    load: t1 - t0,
    render: t2 - t1,
    validate: v1 - v0,
    write: t3 - t2,
    dashboards: build.dashboards.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
