import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { runCli } from '../support/run-cli.ts';
import { driveTrafficFor } from '../support/traffic.ts';

const available = realToolsAvailable(['go', 'prometheus'], ['github.com/prometheus/client_golang']);

/**
 * `panelcraft verify` on the committed provisioning/ tree against the demo service. The shipped dashboards look at
 * the last hour with a step of several seconds, so the service needs some history: traffic is spread over ~20 s.
 */
describe.skipIf(!available)('every shipped dashboard verifies against the demo service', () => {
  let stack: DemoStack | undefined;

  beforeAll(async () => {
    stack = await startDemoStack(['go-service']);
    await driveTrafficFor([stack.service('go-service').url], 25);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('has no panel without data and no failing query', async () => {
    const { code, stdout } = await runCli([
      'verify',
      '--prometheus',
      stack!.prometheus.url,
      '--scrape-interval',
      '1s',
      '--json',
    ]);
    const report = JSON.parse(stdout) as {
      dashboards: number;
      panels: Array<{ file: string; panel: string; status: string }>;
    };
    expect(report.dashboards).toBeGreaterThan(0);
    expect(report.panels.filter((p) => p.status === 'no-data' || p.status === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});
