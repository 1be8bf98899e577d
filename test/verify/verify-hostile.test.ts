import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bomb, hang, hostileServer, raw, redirect, success, type HostileServer } from '../support/hostile-server.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = path.resolve('test/verify/fixtures/pinned-job');
const matrix = (job: string) => ({ resultType: 'matrix', result: [{ metric: { job }, values: [[1, '1']] }] });

let prom: HostileServer;
let other: HostileServer;
beforeAll(async () => {
  other = await hostileServer();
  other.on('*', success(matrix('go-service')));
});
afterAll(async () => {
  await other.close();
});
/** A fresh server per test that answers like a Prometheus that has `up` for job "go-service". */
beforeEach(async () => {
  prom = await hostileServer();
  prom.on('/api/v1/status/buildinfo', success({ version: '3.0.0' }));
  prom.on('/api/v1/status/config', success({ yaml: 'global:\n  scrape_interval: 15s\n' }));
  prom.on('/api/v1/label/job/values', success(['go-service', 'node']));
  prom.on('/api/v1/query_range', success(matrix('go-service')));
  return () => prom.close();
});

const verify = (...extra: string[]) => runCli(['verify', '--prometheus', prom.url, '--root', ROOT, ...extra]);

describe('verify against a hostile Prometheus', () => {
  it('passes when the pinned job exists and has data (the baseline of the cases below)', async () => {
    const r = await verify();
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(prom.requests.find((q) => q.url === '/api/v1/query_range')!.body).toContain(
      encodeURIComponent('up{job="go-service"}'),
    );
  });

  it('reports {"status":"success","data":null} as a malformed answer, not an internal error', async () => {
    prom.on('/api/v1/query_range', raw('{"status":"success","data":null}'));
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error verify-query-error (/panels/0/targets/0): dashboard "Service", panel "Up": query A `up{job="$job"}` (evaluated as: up{job="go-service"}) failed: /api/v1/query_range answered a malformed result: data is null, expected {"resultType": …, "result": …}',
    );
    expect(r.stderr).not.toContain('internal error');
  });

  it('prints an error object as what it holds, never [object Object]', async () => {
    prom.on(
      '/api/v1/query_range',
      raw('{"status":"error","errorType":"execution","error":{"code":42,"detail":"boom"}}', 422),
    );
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('failed: execution: an error that is not text: an object with keys "code", "detail"');
    expect(r.stderr).not.toContain('[object Object]');
  });

  it('reports a malformed result as malformed, not as "no data"', async () => {
    prom.on(
      '/api/v1/query_range',
      success({ resultType: 'matrix', result: [{ metric: { job: 'go-service' }, values: 'lots' }] }),
    );
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'failed: /api/v1/query_range answered a malformed result: result[0] has values "lots", expected a list of [<time>, "<number>"]',
    );
    expect(r.stderr).not.toContain('verify-no-data');
  });

  it('reports HTML garbage with the start of the body, escaped', async () => {
    prom.on('/api/v1/query_range', raw('<html>\u001b[2J502 Bad Gateway</html>', 502, 'text/html'));
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'failed: /api/v1/query_range answered HTTP 502 with not JSON: "<html>\\u001b[2J502 Bad Gateway</html>"',
    );
  });

  it('stops a 2 GB gzip bomb at 64 MiB and fails the panel', async () => {
    prom.on('/api/v1/query_range', bomb('gzip', 2 * 1024 * 1024 * 1024));
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `failed: ${prom.url}/api/v1/query_range: the answer is larger than 64 MiB (after decompression); it was not read further`,
    );
  });

  it('gives up on hanging queries at the deadline and exits 1', async () => {
    prom.on('/api/v1/query_range', hang);
    const t0 = Date.now();
    const r = await verify('--timeout', '5s', '--deadline', '800ms');
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `failed: ${prom.url}/api/v1/query_range: the overall deadline of 0.8 s passed before the answer was complete (raise it with --deadline)`,
    );
  });

  it('fails (not a warning) when the label endpoint of a variable hangs', async () => {
    prom.on('/api/v1/label/job/values', hang);
    const r = await verify('--timeout', '300ms');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error verify-variable (/templating/list/1): dashboard "Service": variable query "label_values(up, job)" failed: ${prom.url}/api/v1/label/job/values?`,
    );
    expect(r.stderr).toContain('no complete answer within 0.3 s (raise it with --timeout)');
  });

  it('refuses a redirect to another port and never reports its data', async () => {
    const before = other.requests.length;
    prom.on('/api/v1/query_range', redirect(`${other.url}/api/v1/query_range`, 307));
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `redirected (HTTP 307) to another origin, ${other.url}; panelcraft follows redirects only within ${prom.url}`,
    );
    expect(other.requests.length).toBe(before);
  });

  it('exits 2 when the server behind the URL is not a Prometheus', async () => {
    prom.on('/api/v1/status/buildinfo', raw('<html>login</html>', 200, 'text/html'));
    const r = await verify();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `panelcraft verify: Prometheus at ${prom.url} does not answer: /api/v1/status/buildinfo answered HTTP 200 with not JSON: "<html>login</html>"\n`,
    );
  });
});

describe('verify variable values', () => {
  it('fails naming the pinned job when Prometheus does not have it, and does not fall back to another job', async () => {
    prom.on('/api/v1/label/job/values', success(['node', 'payments']));
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error verify-variable-value (/templating/list/1): dashboard "Service": variable "$job" is set to "go-service" (the dashboard\'s saved value), which Prometheus does not have: it returns "node", "payments" for "label_values(up, job)"',
    );
    expect(prom.requests.find((q) => q.url === '/api/v1/query_range')!.body).toContain(
      encodeURIComponent('up{job="go-service"}'),
    );
  });

  it('fails naming a --var value that Prometheus does not have', async () => {
    const r = await verify('--var', 'job=paymnts');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'variable "$job" is set to "paymnts" (--var job=paymnts), which Prometheus does not have: it returns "go-service", "node"',
    );
  });

  it('rejects --var names that match no variable, before asking Prometheus', async () => {
    const r = await verify('--var', 'jbo=go-service');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'panelcraft verify: --var "jbo" names no variable of the dashboards (they have: datasource, job)\n',
    });
    expect(prom.requests).toEqual([]);
  });
});

describe('verify credentials', () => {
  it('sends a bearer token from PANELCRAFT_PROMETHEUS_TOKEN and never prints it', async () => {
    prom.on(
      '/api/v1/query_range',
      raw('{"status":"error","errorType":"unauthorized","error":"bad token tok-9f8e7d"}', 401),
    );
    const r = await runCli(['verify', '--prometheus', prom.url, '--root', ROOT], process.cwd(), {
      PANELCRAFT_PROMETHEUS_TOKEN: 'tok-9f8e7d',
    });
    expect(prom.requests[0]!.headers.authorization).toBe('Bearer tok-9f8e7d');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('failed: unauthorized: bad token ***');
    expect(r.stdout + r.stderr).not.toContain('tok-9f8e7d');
  });

  it('turns user:password@ in the URL into basic auth and redacts the password', async () => {
    const url = prom.url.replace('http://', 'http://alice:hunter2@');
    prom.on('/api/v1/query_range', raw('{"status":"error","errorType":"bad","error":"echo hunter2"}', 400));
    const r = await runCli(['verify', '--prometheus', url, '--root', ROOT, '--json']);
    expect(prom.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('alice:hunter2').toString('base64')}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('"prometheus": "http://127.0.0.1:');
    expect(r.stdout + r.stderr).not.toContain('hunter2');
  });

  it('sends --header values and redacts them', async () => {
    prom.on('/api/v1/query_range', raw('{"status":"error","error":"key X-Key-123 refused"}', 403));
    const r = await verify('--header', 'X-Api-Key: X-Key-123');
    expect(prom.requests[0]!.headers['x-api-key']).toBe('X-Key-123');
    expect(r.stderr).toContain('key *** refused');
    expect(r.stderr).not.toContain('X-Key-123');
  });

  it('rejects a malformed --header and a bad --timeout as usage errors', async () => {
    expect(await verify('--header', 'no colon here')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--header must be "Name: value"'),
    });
    expect(await verify('--timeout', 'soon')).toMatchObject({
      code: 2,
      stderr: 'panelcraft verify: --timeout "soon" is not a duration between 1ms and 24h, e.g. 30s or 2m\n',
    });
  });
});
