import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import type { ExampleName } from '../support/go-example.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { runCli } from '../support/run-cli.ts';
import { driveTrafficFor } from '../support/traffic.ts';

/** Each convention and the demo service that exposes its names. */
const services: readonly { service: ExampleName; convention: string }[] = [
  { service: 'go-service', convention: 'clientGolang' },
  { service: 'otel-service', convention: 'otel' },
  { service: 'gin-service', convention: 'gin' },
];
const presets = ['goServiceOverview', 'routeMatrix', 'teachingDemo', 'defenseKpis'] as const;
const api = path.resolve('src/index.ts');

const available = realToolsAvailable(
  ['go', 'prometheus'],
  ['github.com/prometheus/client_golang', 'github.com/gin-gonic/gin', 'github.com/mcuadros/go-gin-prometheus'],
);

describe.skipIf(!available)('every preset built with each convention has data against its real service', () => {
  let stack: DemoStack | undefined;
  let root = '';

  beforeAll(async () => {
    stack = await startDemoStack(services.map((s) => s.service));
    await driveTrafficFor(
      services.map(({ service }) => stack!.service(service).url),
      25,
    );
    root = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-presets-'));
    for (const { service, convention } of services) {
      const dir = path.join(root, 'dashboards', service);
      mkdirSync(dir, { recursive: true });
      for (const preset of presets) {
        writeFileSync(
          path.join(dir, `${preset}.ts`),
          `import { ${convention}, ${preset} } from ${JSON.stringify(api)};\n` +
            `export default ${preset}({ convention: ${convention}(), job: ${JSON.stringify(service)}, title: ${JSON.stringify(`${service} ${preset}`)} });\n`,
        );
      }
    }
  });

  afterAll(async () => {
    await stack?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('builds and verifies with no empty panel (only comparison overlays may be partly empty)', async () => {
    const build = await runCli(['build', '--root', root]);
    expect(build.stderr).not.toMatch(/\berror\b/);
    expect(build.code).toBe(0);
    const { stdout, stderr } = await runCli([
      'verify',
      '--prometheus',
      stack!.prometheus.url,
      '--scrape-interval',
      '1s',
      '--root',
      root,
      '--json',
    ]);
    const report = JSON.parse(stdout) as {
      panels: Array<{
        dashboard: string;
        panel: string;
        status: string;
        targets: Array<{ expr: string; status: string }>;
      }>;
    };
    // A comparison overlay (`offset $compare`) looks before the service started: only those targets may be empty.
    const problems = report.panels
      .filter(
        (p) =>
          p.status !== 'ok' &&
          !(
            p.status === 'partial' && p.targets.every((t) => t.status === 'data' || t.expr.includes('offset $compare'))
          ),
      )
      .map(
        (p) =>
          `${p.dashboard} › ${p.panel}: ${p.status} ${p.targets
            .filter((t) => t.status !== 'data')
            .map((t) => t.expr)
            .join(' | ')}`,
      );
    expect({ stderr, problems }).toEqual({ stderr: '', problems: [] });
    expect(report.panels.length).toBeGreaterThan(100);
  });
});
