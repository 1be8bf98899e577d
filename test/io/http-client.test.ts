import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../src/io/http-client.ts';
import {
  bomb,
  endless,
  hang,
  hostileServer,
  raw,
  redirect,
  trickle,
  type HostileServer,
} from '../support/hostile-server.ts';

let server: HostileServer;
let other: HostileServer;
beforeAll(async () => {
  server = await hostileServer();
  other = await hostileServer();
  other.on('*', raw('{"status":"success","data":"from the other server"}'));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('httpClient against a hostile server', () => {
  it('returns status and text of a plain answer, with the headers it was given', async () => {
    server.on('/plain', raw('hello', 201, 'text/plain'));
    const r = await httpClient({ headers: { authorization: 'Bearer s3cret' } }).request({ url: `${server.url}/plain` });
    expect(r).toEqual({ ok: true, status: 201, contentType: 'text/plain', text: 'hello' });
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer s3cret');
  });

  it.each(['gzip', 'deflate', 'br'] as const)('stops a %s bomb at the decompression cap', async (encoding) => {
    server.on(`/bomb-${encoding}`, bomb(encoding, 64 * 1024 * 1024));
    const before = process.memoryUsage().rss;
    const r = await httpClient({ maxBodyBytes: 1024 * 1024 }).request({ url: `${server.url}/bomb-${encoding}` });
    expect(r).toEqual({
      ok: false,
      kind: 'too-large',
      error: `${server.url}/bomb-${encoding}: the answer is larger than 1 MiB (after decompression); it was not read further`,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('stops a 2 GB gzip bomb (2 MB on the wire) at the default cap of 64 MiB', async () => {
    server.on('/bomb-2g', bomb('gzip', 2 * 1024 * 1024 * 1024));
    const before = process.memoryUsage().rss;
    const r = await httpClient().request({ url: `${server.url}/bomb-2g` });
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('stops an endless body at the cap', async () => {
    server.on('/endless', endless());
    const r = await httpClient({ maxBodyBytes: 4 * 1024 * 1024 }).request({ url: `${server.url}/endless` });
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('refuses a declared Content-Length above the cap without reading', async () => {
    server.on('/declared', (_req, res) => {
      res.setHeader('content-length', String(10 * 1024 * 1024));
      res.write('x');
    });
    const r = await httpClient({ maxBodyBytes: 1024 }).request({ url: `${server.url}/declared` });
    expect(r).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('times out a request that never answers, and one whose body trickles', async () => {
    server.on('/hang', hang);
    server.on('/trickle', trickle(' ', 50));
    const client = httpClient({ timeoutMs: 300 });
    const t0 = Date.now();
    expect(await client.request({ url: `${server.url}/hang` })).toEqual({
      ok: false,
      kind: 'timeout',
      error: `${server.url}/hang: no complete answer within 0.3 s (raise it with --timeout)`,
    });
    expect(await client.request({ url: `${server.url}/trickle` })).toMatchObject({ ok: false, kind: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('fails every request once the overall deadline passed', async () => {
    server.on('/hang', hang);
    const client = httpClient({ timeoutMs: 10_000, deadlineMs: 300 });
    const t0 = Date.now();
    const all = await Promise.all([1, 2, 3].map(() => client.request({ url: `${server.url}/hang` })));
    expect(all.map((r) => !r.ok && r.kind)).toEqual(['deadline', 'deadline', 'deadline']);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await client.request({ url: `${server.url}/plain` })).toEqual({
      ok: false,
      kind: 'deadline',
      error: `${server.url}/plain: not sent, the overall deadline of 0.3 s passed (raise it with --deadline)`,
    });
  });

  it('follows a redirect within the origin, keeping a POST body on 307', async () => {
    server.on('/moved', redirect('/api/here?x=1', 307));
    server.on('/api/here', raw('landed'));
    const r = await httpClient().request({
      url: `${server.url}/moved`,
      method: 'POST',
      body: new URLSearchParams({ query: 'up' }),
    });
    expect(r).toMatchObject({ ok: true, text: 'landed' });
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/here?x=1', body: 'query=up' });
  });

  it('refuses a redirect to another port and never contacts it', async () => {
    const before = other.requests.length;
    server.on('/elsewhere', redirect(`${other.url}/api/v1/query`));
    const r = await httpClient().request({ url: `${server.url}/elsewhere` });
    expect(r).toEqual({
      ok: false,
      kind: 'redirect',
      error: `${server.url}/elsewhere redirected (HTTP 302) to another origin, ${other.url}; panelcraft follows redirects only within ${server.url}`,
    });
    expect(other.requests.length).toBe(before);
  });

  it('stops a redirect loop', async () => {
    server.on('/loop', redirect('/loop'));
    expect(await httpClient().request({ url: `${server.url}/loop` })).toEqual({
      ok: false,
      kind: 'redirect',
      error: `${server.url}/loop: more than 5 redirects`,
    });
  });

  it('names an unreachable server without its credentials', async () => {
    const port = other.port;
    await other.close();
    const client = httpClient({ headers: { authorization: 'Bearer tok-123' }, secrets: ['hunter2'] });
    const r = await client.request({ url: `http://127.0.0.1:${port}/api?access_token=tok-123&q=hunter2` });
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error).toContain(`cannot reach http://127.0.0.1:${port}/api?access_token=***&q=***`);
    expect(error).not.toMatch(/tok-123|hunter2/);
    other = await hostileServer();
  });
});
