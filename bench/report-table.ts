// The Markdown table `npm run bench` prints for the closing note: one row per size and scenario, beside the bare
// SDK and the bare SDK with TypeScript 7's `tsc --noEmit` of the same run, with issue 11's targets checked where it
// sets one. Peak memory is the sum over the measured process and its descendants (the targets are judged by it), with
// the largest single process beside it.

export interface Scenario {
  /** Median wall time, ms. */
  readonly wallMs: number;
  /** Median peak of the summed resident sets of the process tree, MB. */
  readonly treeRssMb: number;
  /** Median peak resident set of its largest single process, MB. */
  readonly maxProcessRssMb: number;
  /** What the tree's sampled peak was made of (MB by command name), in the run nearest the median. */
  readonly peakByNameMb?: Readonly<Record<string, number>>;
  readonly wallSamplesMs: readonly number[];
  readonly stagesMs?: Readonly<Record<string, number>>;
  /** How the build cache served the last run (`build --json`'s `cache`). */
  readonly cache?: { readonly reused: number; readonly rendered: number; readonly recorded: boolean };
  /** `dev` only: start to the first build done. */
  readonly firstBuildMs?: number;
}

/** A `tsc --noEmit` baseline: the compiler alone, and after the bare SDK's build (a CI job runs the two in turn). */
export interface TypeCheckBaseline {
  /** The compiler, e.g. "TypeScript 7.0.2 native"; undefined when it is not installed. */
  readonly compiler?: string;
  readonly alone?: Scenario;
  readonly withSdk?: Scenario;
}

export interface SizeResult {
  readonly dashboards: number;
  readonly baseline?: Scenario;
  /** TypeScript 5.x's compiler in JavaScript (context). */
  readonly tscJs?: TypeCheckBaseline;
  /** TypeScript 7's native compiler: the baseline a type-checked build is set beside. */
  readonly tscNative?: TypeCheckBaseline;
  readonly cold?: Scenario;
  readonly nochange?: Scenario;
  readonly onefile?: Scenario;
  readonly dev?: Scenario;
}

export interface Results {
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
  readonly version?: Scenario;
  /** Processes a measured run left running after it exited (`pid (command)`, with the run). */
  readonly leftBehind: readonly string[];
  readonly sizes: readonly SizeResult[];
}

const PANELCRAFT = {
  cold: 'cold build, type-checked, empty cache',
  nochange: 'rebuild, nothing changed',
  onefile: 'rebuild, one file changed',
  dev: '`dev` save → written',
} as const;
type PanelcraftScenario = keyof typeof PANELCRAFT;

const GB = 1024;
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ms` : '–');
const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} MB` : '–');
const times = (a: number, b: number | undefined) =>
  b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const count = (n: number) => n.toLocaleString('en-US');

/** One of a target's conditions: what it asks, what was measured, and whether it holds (unknown: no mark). */
function check(asks: string, measured: string, ok: boolean | undefined): string {
  return `${asks}: ${measured}${ok === undefined ? '' : ok ? ' ✅' : ' ❌'}`;
}
const known = (x: number, holds: (x: number) => boolean) => (Number.isFinite(x) ? holds(x) : undefined);

/**
 * Issue 11's targets for one measured scenario, as it states them: the cold type-checked build of 1 000 within 3× the
 * bare SDK's wall time and 300 MB; at 1 000 the no-change rebuild within 0.5 s and one file changed within 1 s; `dev`
 * save-to-written within 150 ms; at 5 000 every build within 1 GB, and memory growing linearly (judged by the cold
 * build's peak at 5 000 against 1 000: at most 5× for 5× the dashboards).
 */
export function targetCell(size: SizeResult, scenario: PanelcraftScenario, all: readonly SizeResult[]): string {
  const s = size[scenario]!;
  const parts: string[] = [];
  if (size.dashboards === 1000 && scenario === 'cold') {
    const x = times(s.wallMs, size.baseline?.wallMs);
    parts.push(
      check(
        '≤ 3× bare SDK wall',
        ratio(x),
        known(x, (v) => v <= 3),
      ),
    );
    parts.push(
      check(
        '≤ 300 MB',
        mb(s.treeRssMb),
        known(s.treeRssMb, (v) => v <= 300),
      ),
    );
  }
  if (size.dashboards === 1000 && scenario === 'nochange')
    parts.push(
      check(
        '≤ 0.5 s',
        ms(s.wallMs),
        known(s.wallMs, (v) => v <= 500),
      ),
    );
  if (size.dashboards === 1000 && scenario === 'onefile')
    parts.push(
      check(
        '≤ 1 s',
        ms(s.wallMs),
        known(s.wallMs, (v) => v <= 1000),
      ),
    );
  if (scenario === 'dev')
    parts.push(
      check(
        '≤ 150 ms',
        ms(s.wallMs),
        known(s.wallMs, (v) => v <= 150),
      ),
    );
  if (size.dashboards === 5000) {
    parts.push(
      check(
        '≤ 1 GB',
        mb(s.treeRssMb),
        known(s.treeRssMb, (v) => v <= GB),
      ),
    );
    const at1000 = all.find((r) => r.dashboards === 1000)?.cold;
    if (scenario === 'cold' && at1000) {
      const x = times(s.treeRssMb, at1000.treeRssMb);
      parts.push(
        check(
          'linear (≤ 5× the peak of 1 000)',
          ratio(x),
          known(x, (v) => v <= 5),
        ),
      );
    }
  }
  return parts.join('; ');
}

const cacheUse = (s: Scenario) =>
  s.cache
    ? `cache: ${s.cache.recorded ? 'whole build recorded; ' : ''}${s.cache.reused} reused, ${s.cache.rendered} rendered`
    : '';
/** The tree's peak by process, when more than one kind of process made it: "peak: node 561 + esbuild 219 MB". */
const peakMadeOf = (s: Scenario) => {
  const parts = Object.entries(s.peakByNameMb ?? {});
  return parts.length > 1 ? `peak: ${parts.map(([name, mb]) => `${name} ${Math.round(mb)}`).join(' + ')} MB` : '';
};
const notes = (...parts: string[]) => parts.filter((p) => p !== '').join('; ');

export function markdownTable(results: Results): string {
  const lines = [
    `panelcraft bench, commit ${results.commit}: installed CLI (compiled dist/), ${results.panelsPerDashboard} panels per dashboard, ` +
      `medians of ${results.runs} runs (\`dev\`: of ${results.devSaves} saves); ${results.machine.cpus} CPUs, Node ${results.machine.node}, ` +
      `load average ${results.machine.loadAtStart} at start, ${results.machine.loadAtEnd} at end.`,
    '',
    'Peak RSS is the largest sum over the measured process and all its descendants (a type-check child, esbuild), ' +
      'sampled every ~10 ms; the targets are judged by it. "Largest process" is GNU time\'s peak of the largest single ' +
      "process. × columns divide wall times by the bare SDK's, and by the bare SDK's followed by TypeScript 7's " +
      '`tsc --noEmit` over the same tree.',
    '',
    results.leftBehind.length === 0
      ? 'No measured run left a process running.'
      : `**Processes left running after a measured run:** ${results.leftBehind.join('; ')}.`,
    '',
    '| dashboards | scenario | wall | × bare SDK | × SDK + TS 7 tsc | peak RSS (tree sum) | largest process | notes | target (issue 11) |',
    '|---:|---|---:|---:|---:|---:|---:|---|---|',
  ];
  const row = (cells: readonly string[]) => lines.push(`| ${cells.join(' | ')} |`);
  if (results.version)
    row([
      '–',
      '`panelcraft --version`',
      ms(results.version.wallMs),
      '',
      '',
      mb(results.version.treeRssMb),
      mb(results.version.maxProcessRssMb),
      '',
      '',
    ]);
  for (const size of results.sizes) {
    const n = count(size.dashboards);
    const sdk = size.baseline?.wallMs;
    const sdkTs7 = size.tscNative?.withSdk?.wallMs;
    const measured = (s: Scenario, vsSdk: boolean, vsTs7: boolean) => [
      ms(s.wallMs),
      vsSdk ? ratio(times(s.wallMs, sdk)) : '',
      vsTs7 ? ratio(times(s.wallMs, sdkTs7)) : '',
      mb(s.treeRssMb),
      mb(s.maxProcessRssMb),
    ];
    if (size.baseline)
      row([
        n,
        'bare SDK (build + write JSON)',
        ...measured(size.baseline, false, false),
        peakMadeOf(size.baseline),
        '',
      ]);
    for (const [baseline, role] of [
      [size.tscJs, 'context'],
      [size.tscNative, 'baseline'],
    ] as const) {
      if (!baseline) continue;
      const label = `bare SDK + \`tsc --noEmit\`, ${baseline.compiler ?? (role === 'baseline' ? 'TypeScript 7' : 'TypeScript')} (${role})`;
      if (!baseline.compiler) row([n, label, 'not installed', '', '', '', '', '', '']);
      else if (baseline.withSdk && baseline.alone)
        row([
          n,
          label,
          ...measured(baseline.withSdk, true, role === 'context'),
          notes(`tsc alone: ${ms(baseline.alone.wallMs)}, ${mb(baseline.alone.treeRssMb)}`, peakMadeOf(baseline.alone)),
          '',
        ]);
    }
    for (const key of Object.keys(PANELCRAFT) as PanelcraftScenario[]) {
      const s = size[key];
      if (!s) continue;
      row([
        n,
        PANELCRAFT[key],
        ...measured(s, key !== 'dev', key !== 'dev'),
        notes(cacheUse(s), peakMadeOf(s)),
        targetCell(size, key, results.sizes),
      ]);
    }
  }
  const stages = results.sizes.filter((s) => s.cold?.stagesMs);
  if (stages.length > 0) {
    lines.push('', 'Stages of the cold build (its own `--json` timings, medians):', '');
    const keys = Object.keys(stages[0]!.cold!.stagesMs!);
    lines.push(`| dashboards | ${keys.join(' | ')} |`, `|---:|${keys.map(() => '---:').join('|')}|`);
    for (const s of stages)
      lines.push(`| ${count(s.dashboards)} | ${keys.map((k) => ms(s.cold!.stagesMs![k]!)).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
