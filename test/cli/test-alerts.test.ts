import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

/** One hand-built alert with a generated-style case and a user-written test (`alertTest`). */
const SOURCE = (userExpectation: string) => `
import { alertRule, alertTest, queries, ruleFile, ruleGroup } from 'panelcraft';

const down = alertRule({
  name: 'ApiDown',
  expr: queries.compare('up{job="api"}', '==', 0),
  severity: 'critical',
  summary: '{{ $labels.instance }} is down',
  description: 'up = {{ $value }} for {{ $labels.job }}',
  cases: [{ name: 'healthy', series: [{ series: 'up{job="api",instance="a"}', values: '1x10' }], evalTime: '1m', expect: [] }],
});

export default ruleFile(
  [ruleGroup({ name: 'api', interval: '15s', rules: [down] })],
  [alertTest('ApiDown', { name: 'scrape fails', series: [{ series: 'up{job="api",instance="a"}', values: '0x10' }], evalTime: '1m', expect: ${userExpectation} })],
);
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function run(p: TempProject, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(['test-alerts'], {
    cwd: p.root,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('panelcraft test-alerts', () => {
  it('exits 2 and says what to install when promtool is missing', async () => {
    project = await tempProject({
      'alerts/api/api.ts': SOURCE("[{ labels: { instance: 'a', job: 'api' }, value: 0 }]"),
    });
    const result = await run(project, { PROMTOOL: '/nonexistent/promtool' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'promtool is not installed (or $PROMTOOL does not point at it). Install it with `apt-get install prometheus`',
    );
  });

  it.skipIf(!realToolsAvailable(['promtool']))(
    "runs generated and user-written tests: 0 when they pass, 1 with promtool's words when one fails",
    async () => {
      project = await tempProject({
        'alerts/api/api.ts': SOURCE("[{ labels: { instance: 'a', job: 'api' }, value: 0 }]"),
      });
      const pass = await run(project);
      expect(pass.stderr).toBe('');
      expect(pass.stdout).toBe(
        'ok     prometheus/rules/api/api.yaml (alerts/api/api.ts): rules valid, 2 tests passed\npanelcraft test-alerts: 1 rule files, 2 tests passed (promtool)\n',
      );
      expect(pass.code).toBe(0);

      await project.write('alerts/api/api.ts', SOURCE('[]'));
      const fail = await run(project);
      expect(fail.code).toBe(1);
      expect(fail.stderr).toContain('FAILED prometheus/rules/api/api.yaml (alerts/api/api.ts):');
      expect(fail.stderr).toContain('name: ApiDown: scrape fails');
      expect(fail.stderr).toContain('panelcraft test-alerts: 1 of 1 rule files failed');
    },
    60_000,
  );

  it('a test naming an alert the file does not have is a diagnostic, exit 1', async () => {
    project = await tempProject({
      'alerts/api/api.ts': SOURCE('[{ labels: {}, value: 0 }]').replace("alertTest('ApiDown'", "alertTest('ApiGone'"),
    });
    const result = await run(project, { PROMTOOL: '/nonexistent/promtool' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('alertTest("ApiGone", "scrape fails") names no alert of this file');
    expect(result.stderr).toContain('fix: use one of: ApiDown');
  });
});
