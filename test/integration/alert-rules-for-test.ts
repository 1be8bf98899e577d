import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

/**
 * The rule files of the chain test, generated the way a user gets them: a temp project whose alerts/ source calls the
 * presets (goServiceAlerts, goServiceSlo) for every demo job, built with `panelcraft build`. What differs from the
 * shipped alerts/ is said here and nowhere else:
 * - jobs with a slow (ticket) fault, and the healthy control, get the resource alerts' windows, `for` and evaluation
 *   interval shortened (minutes and hours → seconds) and thresholds raised to match, because a young process's
 *   noise over a 20 s window is larger per second than over 10 minutes.
 * Page alerts, SLO burn-rate pages included, keep the presets' defaults: windows, intervals, (absent) `for`, and every
 * threshold (the in-flight page compares with 12 000; the chain test holds that many connections).
 */
export async function generateRuleFiles(
  dir: string,
  jobs: { pageJobs: readonly string[]; ticketJobs: readonly string[] },
): Promise<string[]> {
  const project = path.join(dir, 'project');
  const source = [
    "import { clientGolang, goServiceAlerts, goServiceSlo } from 'panelcraft';",
    '',
    'const convention = clientGolang();',
    `const pageJobs: string[] = ${JSON.stringify(jobs.pageJobs.filter((j) => !jobs.ticketJobs.includes(j)))};`,
    `const ticketJobs: string[] = ${JSON.stringify(jobs.ticketJobs)};`,
    'const fastResources = {',
    "  resourceInterval: '5s', leakWindow: '20s', leakFor: '10s',",
    "  forecastWindow: '30s', forecastHorizon: '2m', forecastFor: '10s', gcWindow: '20s', gcFor: '10s',",
    '} as const;',
    '',
    'export default [',
    '  ...pageJobs.flatMap((job) => [',
    '    ...goServiceAlerts({ convention, job }),',
    '    ...goServiceSlo({ convention, job }),',
    '  ]),',
    '  ...ticketJobs.flatMap((job) => [',
    '    ...goServiceAlerts({',
    '      convention, job, timing: fastResources,',
    '      thresholds: { goroutineGrowthPerSecond: 1, memoryGrowthRatio: 3 },',
    '    }),',
    '    ...goServiceSlo({ convention, job }),',
    '  ]),',
    '];',
    '',
  ].join('\n');
  mkdirSync(path.join(project, 'alerts', 'chain'), { recursive: true });
  writeFileSync(path.join(project, 'alerts', 'chain', 'services.ts'), source);
  // The demo jobs are scraped every 5 s, as in deploy/prometheus.yml; the build checks ranges against it.
  writeFileSync(path.join(project, 'panelcraft.yaml'), 'datasource:\n  scrapeInterval: 5s\n');
  let output = '';
  const code = await main(['build', '--root', project], {
    cwd: project,
    env: {},
    stdout: (t) => (output += t),
    stderr: (t) => (output += t),
  });
  if (code !== 0) throw new Error(`panelcraft build of the chain test's alerts failed (exit ${code}):\n${output}`);
  const rulesDir = path.join(project, 'prometheus', 'rules', 'chain');
  return readdirSync(rulesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(rulesDir, f));
}
