import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bomb, hang, hostileServer, raw, redirect, type HostileServer } from '../support/hostile-server.ts';
import { runCli } from '../support/run-cli.ts';

const FILE = path.resolve('test/fixtures/dashboards/go-service-modern.json');
let server: HostileServer;
beforeEach(async () => {
  server = await hostileServer();
});
afterEach(async () => {
  await server.close();
});

const lint = (url: string, ...extra: string[]) => runCli(['lint', FILE, '--metrics-url', url, ...extra]);

describe('lint --metrics-url against a hostile server', () => {
  it('stops a 2 GB gzip bomb at the cap with exit 2', async () => {
    server.on('/metrics', bomb('gzip', 2 * 1024 * 1024 * 1024));
    const r = await lint(`${server.url}/metrics`);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `panelcraft lint: ${server.url}/metrics: the answer is larger than 64 MiB (after decompression); it was not read further\n`,
    });
  });

  it('times out a hanging endpoint', async () => {
    server.on('/metrics', hang);
    const r = await lint(`${server.url}/metrics`, '--timeout', '300ms');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `panelcraft lint: ${server.url}/metrics: no complete answer within 0.3 s (raise it with --timeout)\n`,
    });
  });

  it('refuses a redirect to another port', async () => {
    const other = await hostileServer();
    try {
      other.on('*', raw('up 1\n', 200, 'text/plain'));
      server.on('/metrics', redirect(`${other.url}/metrics`, 301));
      const r = await lint(`${server.url}/metrics`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`redirected (HTTP 301) to another origin, ${other.url}`);
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('authenticates from PANELCRAFT_METRICS_USER/PASSWORD and never prints the password', async () => {
    server.on('/metrics', raw('denied for s3cr3t-pw', 401, 'text/plain'));
    const r = await runCli(
      ['lint', FILE, '--metrics-url', `${server.url}/metrics?access_token=s3cr3t-pw`],
      process.cwd(),
      {
        PANELCRAFT_METRICS_USER: 'ci',
        PANELCRAFT_METRICS_PASSWORD: 's3cr3t-pw',
      },
    );
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ci:s3cr3t-pw').toString('base64')}`);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `panelcraft lint: ${server.url}/metrics?access_token=*** answered HTTP 401\n`,
    });
  });
});
