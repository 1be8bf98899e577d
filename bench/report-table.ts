// The Markdown table `npm run bench` prints for the closing note: one row per size and scenario, beside the bare
// SDK of the same run, with issue 11's targets checked where it sets one.

export interface Scenario {
  /** Median wall time, ms. */
  readonly wallMs: number;
  /** Median peak RSS, MB. */
  readonly rssMb: number;
  readonly wallSamplesMs: readonly number[];
  readonly stagesMs?: Readonly<Record<string, number>>;
  /** How the build cache served the last run (`build --json`'s `cache`). */
  readonly cache?: { readonly reused: number; readonly rendered: number; readonly recorded: boolean };
  /** `dev` only: start to the first build done. */
  readonly firstBuildMs?: number;
}

export interface SizeResult {
  readonly dashboards: number;
  readonly baseline?: Scenario;
  /** The bare SDK plus `tsc --noEmit` over the same tree, run one after the other. */
  readonly baselineTyped?: Scenario;
  readonly cold?: Scenario;
  readonly nochange?: Scenario;
  readonly onefile?: Scenario;
  readonly dev?: Scenario;
}

interface Results {
  readonly machine: {
    readonly cpus: number;
    readonly node: string;
    readonly loadAtStart: string;
    readonly loadAtEnd: string;
  };
  readonly commit: string;
  readonly runs: number;
  readonly devSaves: number;
  readonly panelsPerDashboard: number;
  readonly version?: { readonly wallMs: number; readonly rssMb: number };
  readonly sizes: readonly SizeResult[];
}

const LABELS = {
  baseline: 'bare SDK (build + write JSON)',
  baselineTyped: 'bare SDK + `tsc --noEmit` (context)',
  cold: 'cold build, type-checked, empty cache',
  nochange: 'rebuild, nothing changed',
  onefile: 'rebuild, one file changed',
  dev: '`dev` save → written',
} as const;

/** Issue 11's targets, for the sizes it names them at. */
function target(size: number, scenario: keyof typeof LABELS, s: Scenario, base?: Scenario): string {
  const mark = (ok: boolean, text: string) => `${ok ? '✅' : '❌'} ${text}`;
  if (size === 1000 && scenario === 'cold' && base)
    return mark(s.wallMs <= 3 * base.wallMs && s.rssMb <= 300, '≤ 3× SDK, ≤ 300 MB');
  if (size === 1000 && scenario === 'nochange') return mark(s.wallMs <= 500, '≤ 0.5 s');
  if (size === 1000 && scenario === 'onefile') return mark(s.wallMs <= 1000, '≤ 1 s');
  if (scenario === 'dev') return mark(s.wallMs <= 150, '≤ 150 ms');
  if (size === 5000 && scenario !== 'baseline' && scenario !== 'baselineTyped') return mark(s.rssMb <= 1024, '≤ 1 GB');
  return '';
}

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ms` : '–');
const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : '–');
const ratio = (a: number, b: number | undefined) =>
  b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–';

const cacheUse = (s: Scenario) =>
  s.cache
    ? `${s.cache.recorded ? 'whole build recorded; ' : ''}${s.cache.reused} reused, ${s.cache.rendered} rendered`
    : '';

export function markdownTable(results: Results): string {
  const lines = [
    `panelcraft bench, commit ${results.commit}: installed CLI (compiled dist/), ${results.panelsPerDashboard} panels per dashboard, ` +
      `medians of ${results.runs} runs (\`dev\`: of ${results.devSaves} saves); ${results.machine.cpus} CPUs, Node ${results.machine.node}, ` +
      `load average ${results.machine.loadAtStart} at start, ${results.machine.loadAtEnd} at end.`,
    '',
    '| dashboards | scenario | wall | × SDK wall | peak RSS | × SDK RSS | build cache | target (issue 11) |',
    '|---:|---|---:|---:|---:|---:|---|---|',
  ];
  if (results.version)
    lines.push(
      `| – | \`panelcraft --version\` | ${ms(results.version.wallMs)} | | ${mb(results.version.rssMb)} | | | |`,
    );
  for (const size of results.sizes) {
    for (const key of Object.keys(LABELS) as Array<keyof typeof LABELS>) {
      const s = size[key];
      if (!s) continue;
      const base = key === 'baseline' ? undefined : size.baseline;
      // the cold type-checked build, also beside the bare SDK with its own type check
      const typed =
        key === 'cold' && size.baselineTyped ? ` (${ratio(s.wallMs, size.baselineTyped.wallMs)} SDK + tsc)` : '';
      const wallRatio = key === 'dev' ? '' : `${ratio(s.wallMs, base?.wallMs)}${typed}`;
      lines.push(
        `| ${size.dashboards.toLocaleString('en-US')} | ${LABELS[key]} | ${ms(s.wallMs)} | ${wallRatio} | ${mb(s.rssMb)} | ${ratio(s.rssMb, base?.rssMb)} | ${cacheUse(s)} | ${target(size.dashboards, key, s, size.baseline)} |`,
      );
    }
  }
  const stages = results.sizes.filter((s) => s.cold?.stagesMs);
  if (stages.length > 0) {
    lines.push('', 'Stages of the cold build (its own `--json` timings, medians):', '');
    const keys = Object.keys(stages[0]!.cold!.stagesMs!);
    lines.push(`| dashboards | ${keys.join(' | ')} |`, `|---:|${keys.map(() => '---:').join('|')}|`);
    for (const s of stages)
      lines.push(
        `| ${s.dashboards.toLocaleString('en-US')} | ${keys.map((k) => ms(s.cold!.stagesMs![k]!)).join(' | ')} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}
