import { describe, expect, it } from 'vitest';
import { prometheusClient } from '../../src/io/prometheus-client.ts';
import { runCli } from '../support/run-cli.ts';
import { freePort } from '../support/free-port.ts';

function fakeFetch(seen: Array<{ url: string; body?: string }>, reply: unknown, status = 200): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), ...(init?.body ? { body: String(init.body) } : {}) });
    return new Response(JSON.stringify(reply), { status });
  }) as typeof fetch;
}

describe('prometheusClient', () => {
  it('posts range queries in seconds to the given URL only', async () => {
    const seen: Array<{ url: string; body?: string }> = [];
    const client = prometheusClient('http://127.0.0.1:9090/prom/', {
      fetch: fakeFetch(seen, { status: 'success', data: { resultType: 'matrix', result: [] } }),
    });
    expect(await client.queryRange('up', 1_000, 61_000, 15_000)).toEqual({
      ok: true,
      resultType: 'matrix',
      result: [],
    });
    expect(seen).toEqual([
      { url: 'http://127.0.0.1:9090/prom/api/v1/query_range', body: 'query=up&start=1.000&end=61.000&step=15.000' },
    ]);
  });

  it('passes match[] to label values', async () => {
    const seen: Array<{ url: string }> = [];
    const client = prometheusClient('http://127.0.0.1:9090', {
      fetch: fakeFetch(seen, { status: 'success', data: ['a', 'b'] }),
    });
    expect(await client.labelValues('instance', ['up{job="x"}'], 0, 1_000)).toEqual({ ok: true, values: ['a', 'b'] });
    expect(seen[0]!.url).toBe(
      'http://127.0.0.1:9090/api/v1/label/instance/values?start=0.000&end=1.000&match%5B%5D=up%7Bjob%3D%22x%22%7D',
    );
  });

  it("returns Prometheus' error text", async () => {
    const client = prometheusClient('http://127.0.0.1:9090', {
      fetch: fakeFetch([], { status: 'error', errorType: 'bad_data', error: 'parse error' }, 400),
    });
    expect(await client.query('(', 0)).toEqual({ ok: false, error: 'bad_data: parse error' });
  });

  it('reads the global scrape interval from the running config', async () => {
    const client = prometheusClient('http://127.0.0.1:9090', {
      fetch: fakeFetch([], { status: 'success', data: { yaml: 'global:\n  scrape_interval: 30s\n' } }),
    });
    expect(await client.scrapeInterval()).toBe(30_000);
  });
});

describe('panelcraft verify (usage)', () => {
  it('requires --prometheus', async () => {
    const r = await runCli(['verify']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('panelcraft verify: --prometheus URL is required');
  });

  it('rejects a --var without a value', async () => {
    const r = await runCli(['verify', '--prometheus', 'http://127.0.0.1:1', '--var', 'job']);
    expect(r.stderr).toBe('panelcraft verify: --var "job" must be name=value\n');
    expect(r.code).toBe(2);
  });

  it('exits 2 when Prometheus does not answer', async () => {
    const port = await freePort();
    const r = await runCli([
      'verify',
      '--prometheus',
      `http://127.0.0.1:${port}`,
      '--root',
      'test/verify/fixtures/one-dashboard',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `panelcraft verify: Prometheus at http://127.0.0.1:${port} does not answer: cannot reach http://127.0.0.1:${port}/api/v1/status/buildinfo`,
    );
  });
});
