// Where the render time goes, per dashboard: loads a tree once, then times each step of rendering (build() and the
// deep copy, normalize, canonical JSON) and every validation rule on its own, best of BENCH_REPEAT passes, in one
// process. CPU time (user + system, GC threads included), which a busy machine disturbs less than wall time. `npm run bench:stages -- bench/out/tree-1000` after `npm run bench` made the tree.
import { DEFAULT_CONFIG, prometheusVersionOf } from '../src/config/config.ts';
import { dashboardValue } from '../src/build/dashboard-value.ts';
import { normalizeOwnedDashboard } from '../src/build/normalize-dashboard.ts';
import { canonicalJson } from '../src/model/canonical-json.ts';
import { stableUid } from '../src/model/stable-uid.ts';
import { schemaVersionFor } from '../src/model/grafana-version.ts';
import { findDashboardFiles } from '../src/io/find-dashboards.ts';
import { loadDashboards } from '../src/io/load-dashboards.ts';
import { analyseDocument, analysisRun } from '../src/validate/document-analysis.ts';
import { runRules } from '../src/validate/engine.ts';
import type { DashboardDocument } from '../src/validate/rule.ts';
import { allRules } from '../src/validate/rules/index.ts';
import type { JsonObject } from '../src/model/json.ts';

const [root] = process.argv.slice(2);
if (!root) throw new Error('usage: tsx bench/stage-costs.ts TREE_ROOT');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const loaded = await loadDashboards(root, await findDashboardFiles(root));
const settings = { origin: 'build', prometheusVersion: prometheusVersionOf(DEFAULT_CONFIG) } as const;
const version = schemaVersionFor(DEFAULT_CONFIG.grafanaVersion);
const schemaVersion = version.ok ? version.schemaVersion : 0;

const rows: Array<[string, number]> = [];
function time<T>(label: string, run: () => T, setup?: () => void): T {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let r = 0; r < REPEAT; r++) {
    setup?.();
    const t0 = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  rows.push([label, best]);
  return result!;
}

const values = time('dashboardValue (build() + copy)', () =>
  loaded.map((l) => {
    const v = dashboardValue('exported' in l ? l.exported : undefined);
    if (!v.ok) throw new Error(v.message);
    return v.dashboard;
  }),
);
// As build-tree normalizes: in place, on dashboardValue's own copies (fresh ones for each pass, made outside the
// timed part).
let copies: JsonObject[] = [];
const normalized = time(
  'normalizeOwnedDashboard (in place)',
  () =>
    copies.map((v, i) =>
      normalizeOwnedDashboard(v, {
        fallbackUid: stableUid(loaded[i]!.file),
        schemaVersion,
        editable: false,
        datasourceUid: 'prometheus',
        datasourceName: 'Prometheus',
      }),
    ),
  () => {
    copies = values.map((v) => JSON.parse(JSON.stringify(v)) as JsonObject);
  },
);
time('canonicalJson', () => normalized.map((d) => canonicalJson(d)));
const docs: DashboardDocument[] = normalized.map((dashboard: JsonObject, i) => ({
  file: loaded[i]!.file,
  dashboard,
}));
time('runRules per dashboard (as build-tree)', () =>
  docs.map((doc) => runRules([doc], { dashboard: allRules.dashboard, tree: [] }, settings)),
);
time('runRules tree rules', () => runRules(docs, { dashboard: [], tree: allRules.tree }, settings));
const run = analysisRun(settings.prometheusVersion);
time('analysis: targets', () => docs.map((d) => analyseDocument(d.dashboard, analysisRun(run.version)).targets));
time('analysis: targets+selectors', () =>
  docs.map((d) => analyseDocument(d.dashboard, analysisRun(run.version)).selectors),
);
time('analysis: strings', () => docs.map((d) => analyseDocument(d.dashboard, run).strings));
const analyses = docs.map((d) => {
  const a = analyseDocument(d.dashboard, analysisRun(run.version));
  void a.targets;
  void a.selectors;
  void a.strings;
  return a;
});
for (const rule of allRules.dashboard) {
  time(`rule ${rule.id}`, () => docs.map((d, i) => rule.check(d, settings, analyses[i])));
}
const total = rows.reduce((n, [, ms]) => n + ms, 0);
process.stdout.write(`${docs.length} dashboards, CPU ms, best of ${REPEAT}\n`);
for (const [label, ms] of rows.sort((a, b) => b[1] - a[1]))
  process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${label}\n`);
process.stdout.write(`(sum ${total.toFixed(0)} ms; analysis rows overlap the rules that read them)\n`);
