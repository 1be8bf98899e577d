import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, start, type Started } from '../support/child-process.ts';
import { buildGoExample, type ExampleName } from '../support/go-example.ts';
import { realToolsAvailable } from '../support/real-tools.ts';

const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'examples');
const NAMES: readonly ExampleName[] = ['go-service', 'otel-service', 'gin-service'];

describe('examples/*/faults.go', () => {
  it('is the same file in every example (each must build on its own, so they cannot share a package)', () => {
    const [first, ...rest] = NAMES.map((n) => readFileSync(path.join(EXAMPLES, n, 'faults.go'), 'utf8'));
    expect(first).toContain('func serveFaults(');
    for (const copy of rest) expect(copy).toBe(first);
  });
});

const available = realToolsAvailable(
  ['go'],
  ['github.com/prometheus/client_golang', 'github.com/gin-gonic/gin', 'github.com/mcuadros/go-gin-prometheus'],
);

/** The metric each example counts requests in, and the label holding the status code. */
const REQUEST_COUNT: Record<ExampleName, { metric: string; code: string; path: string }> = {
  'go-service': { metric: 'http_requests_total', code: 'code', path: 'handler' },
  'otel-service': {
    metric: 'http_server_request_duration_seconds_count',
    code: 'http_response_status_code',
    path: 'http_route',
  },
  'gin-service': { metric: 'gin_requests_total', code: 'code', path: 'url' },
};

interface Running {
  readonly url: string;
  readonly control: string;
  readonly process: Started;
}

describe.skipIf(!available).each(NAMES)('%s fault switches', (name) => {
  let dir: string;
  let binary: string;
  let svc: Running;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-faults-'));
    binary = await buildGoExample(name, dir);
    const proc = start(binary, [
      '-listen',
      '127.0.0.1:0',
      '-faults',
      '127.0.0.1:0',
      '-leak-max-goroutines',
      '30',
      '-max-fds',
      '512',
    ]);
    const url = (await proc.waitForLine(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/, 15_000))[1]!;
    const control = (await proc.waitForLine(/^fault switches on (http:\/\/127\.0\.0\.1:\d+\/faults)$/, 15_000))[1]!;
    svc = { url, control, process: proc };
  });
  afterAll(async () => {
    await svc?.process.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (query: string) => {
    const res = await fetch(`${svc.control}${query}`, { method: 'POST' });
    return { status: res.status, text: await res.text() };
  };
  const status = async (p: string) => {
    const res = await fetch(`${svc.url}${p}`);
    await res.arrayBuffer();
    return res.status;
  };
  const metrics = async () => (await fetch(`${svc.url}/metrics`)).text();

  it('starts healthy and reports its switches as JSON', async () => {
    const res = await fetch(svc.control);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      switches: {
        errors: 0,
        latency: '0s',
        hang: false,
        metrics: 'up',
        goroutineLeak: 0,
        fdLeak: 0,
        memoryLeak: 0,
        gcChurn: 0,
      },
      leaked: { goroutines: 0, files: 0, bytes: 0 },
      hung: 0,
    });
    expect(await status('/api/orders')).toBe(200);
  });

  it('errors=0.5 fails exactly every second /api request, counted with code 500, and leaves /healthz alone', async () => {
    expect((await post('?errors=0.5')).status).toBe(200);
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push(await status('/api/orders'));
    expect(codes.filter((c) => c === 500)).toHaveLength(3);
    expect(await status('/healthz')).toBe(200);
    const { metric, code, path: pathLabel } = REQUEST_COUNT[name];
    const line = (await metrics())
      .split('\n')
      .find(
        (l) => l.startsWith(`${metric}{`) && l.includes(`${code}="500"`) && l.includes(`${pathLabel}="/api/orders"`),
      );
    expect(line).toMatch(/ 3$/);
    await post('/reset');
  });

  it('latency adds that much to every /api request', async () => {
    await post('?latency=400ms');
    const t0 = performance.now();
    expect(await status('/api/orders')).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(400);
    await post('/reset');
  });

  it('hang blocks /api requests until switched off, and they show as in flight', async () => {
    await post('?hang=true');
    const pending = status('/api/orders');
    await new Promise((r) => setTimeout(r, 300));
    expect(((await (await fetch(svc.control)).json()) as { hung: number }).hung).toBe(1);
    expect((await post('?hang=false')).status).toBe(200);
    expect(await pending).toBe(200);
  });

  it('metrics=down makes /metrics answer 503 (Prometheus then records up == 0)', async () => {
    await post('?metrics=down');
    expect(await status('/metrics')).toBe(503);
    await post('?metrics=up');
    expect(await status('/metrics')).toBe(200);
  });

  it('goroutine-leak grows go_goroutines and stops at -leak-max-goroutines; reset frees them', async () => {
    const goroutines = async () => Number(/^go_goroutines (\d+)$/m.exec(await metrics())?.[1]);
    const before = await goroutines();
    await post('?goroutine-leak=30');
    await new Promise((r) => setTimeout(r, 1_500));
    const report = (await (await fetch(svc.control)).json()) as { leaked: { goroutines: number } };
    expect(report.leaked.goroutines).toBe(30);
    // Connection goroutines come and go with keep-alive, so the scraped count is only near before + 30.
    expect(await goroutines()).toBeGreaterThan(before + 20);
    await post('/reset');
    await new Promise((r) => setTimeout(r, 200));
    expect(await goroutines()).toBeLessThan(before + 10);
  });

  it('-max-fds lowers process_max_fds', async () => {
    expect(await metrics()).toMatch(/^process_max_fds 512$/m);
  });

  it('refuses an unknown switch or a bad value with 400 and changes nothing', async () => {
    expect(await post('?errors=1&bogus=1')).toEqual({
      status: 400,
      text: 'unknown fault "bogus" (known: errors, latency, hang, metrics, goroutine-leak, fd-leak, memory-leak, gc-churn)\n',
    });
    expect(await post('?errors=1&goroutine-leak=31')).toEqual({
      status: 400,
      text: 'fault goroutine-leak="31": must be between 0 and 30 per second\n',
    });
    expect(await status('/api/orders')).toBe(200);
  });

  it('refuses to serve the switches on a non-loopback address', async () => {
    await expect(run(binary, ['-listen', '127.0.0.1:0', '-faults', '0.0.0.0:0'], { cwd: dir })).rejects.toThrow(
      'the fault switches only listen on a loopback address',
    );
  });
});
