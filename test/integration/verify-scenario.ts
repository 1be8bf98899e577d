import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { fixtureDashboard, writeDashboardTree, type FixturePanel } from '../support/fixture-dashboard.ts';
import type { ExampleName } from '../support/go-example.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { runCli } from '../support/run-cli.ts';
import { driveTraffic, hitLeak } from '../support/traffic.ts';
import { waitUntil } from '../support/prometheus-server.ts';

/** The test Prometheus scrapes every second; the datasource's timeInterval must say so, as panelcraft.yaml would. */
const SCRAPE = ['--scrape-interval', '1s'];

export interface Scenario {
  readonly service: ExampleName;
  readonly gocode: readonly string[];
  /** Panels on the service's real metric names; every one must have data. */
  readonly panels: readonly FixturePanel[];
  /** A panel whose metric name is misspelled: verify must fail and name it. */
  readonly misspelled: FixturePanel;
}

/**
 * The real-component scenario shared by the three conventions: build and start the demo service and Prometheus,
 * drive traffic (including 5xx and the leak endpoint), then run `panelcraft verify` on a dashboard tree.
 */
export function verifyScenario(s: Scenario): void {
  const available = realToolsAvailable(['go', 'prometheus'], s.gocode);

  describe.skipIf(!available)(`verify against a real Prometheus scraping ${s.service}`, () => {
    let stack: DemoStack | undefined;
    const roots: string[] = [];
    const job = s.service;
    const url = () => stack!.service(s.service).url;
    const gauge = async (metric: string) =>
      Number((await stack!.prometheus.query(`${metric}{job="${job}"}`))[0]?.value[1] ?? NaN);
    const treeWith = (panels: readonly FixturePanel[]) => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-verify-'));
      roots.push(root);
      writeDashboardTree(root, 'demo', [
        fixtureDashboard({ uid: `${job}-overview`, title: `${job} overview`, job, panels }),
      ]);
      return root;
    };

    beforeAll(async () => {
      stack = await startDemoStack([s.service]);
      const codes = await driveTraffic(url());
      expect(codes.get(500)).toBeGreaterThan(0);
      // Rates need two scrapes after the traffic: wait until Prometheus has seen every request.
      await waitUntil(
        async () => (await stack!.prometheus.query(`up{job="${job}"} == 1`)).length === 1,
        10_000,
        () => 'target went down',
      );
      await new Promise((r) => setTimeout(r, 2_500));
    });

    afterAll(async () => {
      await stack?.stop();
      for (const root of roots) rmSync(root, { recursive: true, force: true });
    });

    it('every panel on the real metric names has data', async () => {
      const { code, stdout, stderr } = await runCli([
        'verify',
        '--prometheus',
        stack!.prometheus.url,
        ...SCRAPE,
        '--root',
        treeWith(s.panels),
        '--json',
      ]);
      const report = JSON.parse(stdout) as { ok: boolean; panels: Array<{ panel: string; status: string }> };
      expect({ code, stderr, statuses: report.panels.map((p) => [p.panel, p.status]) }).toEqual({
        code: 0,
        stderr: '',
        statuses: s.panels.map((p) => [p.title, 'ok']),
      });
    });

    it('goroutines and open fds grow after the leak endpoint is hit', async () => {
      const before = { goroutines: await gauge('go_goroutines'), fds: await gauge('process_open_fds') };
      await hitLeak(url(), 3, 20);
      await waitUntil(
        async () =>
          (await gauge('go_goroutines')) >= before.goroutines + 50 &&
          (await gauge('process_open_fds')) >= before.fds + 50,
        15_000,
        () => `no growth seen: before ${JSON.stringify(before)}`,
      );
      expect(await gauge('go_goroutines')).toBeGreaterThanOrEqual(before.goroutines + 50);
      expect(await gauge('process_open_fds')).toBeGreaterThanOrEqual(before.fds + 50);
    });

    it('a misspelled metric makes verify exit 1 and name the panel and query', async () => {
      const { code, stdout, stderr } = await runCli([
        'verify',
        '--prometheus',
        stack!.prometheus.url,
        ...SCRAPE,
        '--root',
        treeWith([...s.panels, s.misspelled]),
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const expr = s.misspelled.exprs[0]!;
      expect(stderr).toContain(
        `provisioning/dashboards/demo/${job}-overview.json\n  panel "${s.misspelled.title}" (/panels/${s.panels.length})\n`,
      );
      expect(stderr).toContain(
        `error verify-no-data (/panels/${s.panels.length}): dashboard "${job} overview", panel "${s.misspelled.title}" has no data: query A \`${expr}\``,
      );
      expect(stderr).toMatch(/1 without data, 0 with query errors/);
    });
  });
}
