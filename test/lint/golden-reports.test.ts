import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-capture.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = [
  'legacy-node-exporter',
  'go-service-modern',
  'wrapped-api-export',
  'k8s-v1-resource',
  'k8s-v2-resource',
];

describe('lint reports on real-world-shaped dashboards', () => {
  it.each(fixtures)('%s gives its golden report', async (name) => {
    const { code, stdout, stderr } = await runCli(
      ['lint', `test/fixtures/dashboards/${name}.json`, '--metrics', 'test/fixtures/metrics/go-service.prom'],
      repo,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    await expect(stdout).toMatchFileSnapshot(`./golden/${name}.txt`);
  });
});
