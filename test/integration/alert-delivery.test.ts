import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startAlertmanager } from '../support/alertmanager-server.ts';
import { start, type Started } from '../support/child-process.ts';
import { buildGoExample } from '../support/go-example.ts';
import { startPrometheus, waitUntil, type PrometheusServer } from '../support/prometheus-server.ts';
import { realToolsAvailable } from '../support/real-tools.ts';
import { steadyTraffic, type SteadyTraffic } from '../support/steady-traffic.ts';
import { startWebhookReceiver, type ReceivedAlert, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { generateRuleFiles } from './alert-rules-for-test.ts';

/**
 * The real chain, on 127.0.0.1 only: demo Go services with fault switches → Debian's Prometheus evaluating the rule
 * files `build` generates → Debian's Alertmanager with deploy/alertmanager.yml as shipped (only the receiver URLs
 * point at this test) → a webhook receiver in this test.
 *
 * Page alerts run with the shipped timing: the app's scrape interval from deploy/prometheus.yml (5 s), the page
 * groups' own 5 s interval, no `for`, the page route's group_wait 0s. Each page fault runs in TRIALS instances at
 * once, one scrape job each (the alerts aggregate by job), so the trials are independent and land on different
 * scrape and evaluation phases. Ticket alerts are generated with windows and `for` shortened through the preset's
 * timing options, since their real ones are minutes to hours.
 */
const TRIALS = 5;
const PAGE_LIMIT_MS = 15_000;
/** Burn-rate pages: the 30 s recording interval on top of the fast-page limit. */
const BURN_PAGE_LIMIT_MS = 45_000;
const ROOT = path.join(import.meta.dirname, '..', '..');

interface FaultCase {
  /** Job-name stem and fault switch query. */
  readonly key: string;
  readonly fault: string;
  /** Alerts the fault must raise (and no other alert of its severity). */
  readonly alerts: readonly string[];
  /**
   * SLO burn-rate pages the fault also raises. They read rates a recording group refreshes every 30 s (goServiceSlo's
   * default), so they are measured and printed but held to that interval plus the fast-page limit, not to 15 s.
   */
  readonly burnPages?: readonly string[];
  /** Requests per second of steady traffic to the instance; 0 for none. */
  readonly traffic: number;
  readonly args?: readonly string[];
}

const PAGE_FAULTS: readonly FaultCase[] = [
  {
    key: 'errors',
    fault: 'errors=1',
    alerts: ['GoServiceHighErrorRatio'],
    burnPages: ['GoServiceAvailabilityBudgetBurn'],
    traffic: 10,
  },
  {
    key: 'slow',
    fault: 'latency=2s',
    alerts: ['GoServiceHighLatencyP95'],
    burnPages: ['GoServiceLatencyBudgetBurn'],
    traffic: 10,
  },
  // 30 requests/s against the test's in-flight threshold of 40: the condition holds about 1.5 s after the hang.
  { key: 'hang', fault: 'hang=true', alerts: ['GoServiceTooManyInFlight'], traffic: 30 },
  { key: 'down', fault: 'metrics=down', alerts: ['GoServiceTargetDown'], traffic: 0 },
];
const TICKET_FAULTS: readonly FaultCase[] = [
  { key: 'goroutines', fault: 'goroutine-leak=20', alerts: ['GoServiceGoroutineLeak'], traffic: 0 },
  {
    key: 'fds',
    fault: 'fd-leak=10',
    alerts: ['GoServiceFdsRunningOut'],
    traffic: 0,
    args: ['-max-fds', '1024', '-leak-max-files', '600'],
  },
  { key: 'memory', fault: 'memory-leak=4194304', alerts: ['GoServiceMemoryGrowth'], traffic: 0 },
  { key: 'gc', fault: 'gc-churn=134217728', alerts: ['GoServiceGcPressure'], traffic: 0 },
];
/** Healthy paths only: /api/checkout fails 5 % of the time by design, above the 0.5 % error threshold. */
const HEALTHY_PATHS = ['/api/orders', '/api/orders', '/api/search'];

interface Instance {
  readonly job: string;
  readonly case?: FaultCase;
  readonly url: string;
  readonly control: string;
  readonly process: Started;
  injectedAt?: number;
}

const available = realToolsAvailable(
  ['prometheus', 'prometheus-alertmanager', 'go'],
  ['github.com/prometheus/client_golang'],
);

describe.skipIf(!available)('alert delivery through the real chain (Prometheus → Alertmanager → webhook)', () => {
  let dir: string;
  const instances: Instance[] = [];
  const traffic: SteadyTraffic[] = [];
  const processes: Started[] = [];
  let prometheus: PrometheusServer;
  let receiver: WebhookReceiver;

  const jobsOf = (cases: readonly FaultCase[]) =>
    instances.filter((i) => i.case !== undefined && cases.includes(i.case));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-alerts-'));
    receiver = await startWebhookReceiver();
    const binary = await buildGoExample('go-service', dir);

    const plan: Array<{ job: string; case?: FaultCase }> = [
      ...PAGE_FAULTS.flatMap((c) => Array.from({ length: TRIALS }, (_, t) => ({ job: `${c.key}-${t + 1}`, case: c }))),
      ...TICKET_FAULTS.map((c) => ({ job: c.key, case: c })),
      { job: 'healthy' },
    ];
    for (const p of plan) {
      const proc = start(binary, [
        '-listen',
        '127.0.0.1:0',
        '-faults',
        '127.0.0.1:0',
        '-hang-max-requests',
        '200',
        ...(p.case?.args ?? []),
      ]);
      processes.push(proc);
      const url = (await proc.waitForLine(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/, 15_000))[1]!;
      const control = (await proc.waitForLine(/^fault switches on (http:\/\/127\.0\.0\.1:\d+\/faults)$/, 15_000))[1]!;
      instances.push({ job: p.job, ...(p.case ? { case: p.case } : {}), url, control, process: proc });
    }

    const am = await startAlertmanager(dir, shippedAlertmanagerConfig(receiver.url));
    processes.push(am.process);

    const ruleFiles = await generateRuleFiles(dir, {
      pageJobs: [...jobsOf(PAGE_FAULTS), ...instances.filter((i) => i.case === undefined)].map((i) => i.job),
      ticketJobs: [...jobsOf(TICKET_FAULTS), ...instances.filter((i) => i.case === undefined)].map((i) => i.job),
    });
    const shipped = shippedPrometheusTiming();
    prometheus = await startPrometheus(
      dir,
      instances.map((i) => ({
        job: i.job,
        address: i.url.replace('http://', ''),
        scrapeInterval: shipped.appScrapeInterval,
      })),
      { evaluationInterval: shipped.evaluationInterval, alertmanager: am.address },
    );
    processes.push(prometheus.process);

    for (const i of instances) {
      const rate = i.case?.traffic ?? 10;
      if (rate > 0) traffic.push(steadyTraffic(i.url, rate, HEALTHY_PATHS));
    }
    await waitUntil(
      async () => (await prometheus.query('up == 1')).length === instances.length,
      30_000,
      () => `not every demo instance came up in Prometheus ${prometheus.url}\n${prometheus.process.output()}`,
    );
    // Rules arrive once every target has been scraped, as they do on a running Prometheus: a fresh, empty one would
    // otherwise see no `up` series at its first evaluation and page "target missing" for every job.
    await prometheus.loadRules(ruleFiles);
    // Every rule group has evaluated over real samples at least twice, and the 1 m page windows have some history.
    await new Promise((r) => setTimeout(r, 15_000));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(traffic.map((t) => t.stop()));
    await Promise.all(processes.map((p) => p.stop().catch(() => undefined)));
    await receiver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sends nothing while every service is healthy', async () => {
    await new Promise((r) => setTimeout(r, 20_000));
    // Pending is not firing: young processes warm up (memory, goroutines) and the resource alerts' `for` is what keeps
    // that from paging; nothing may be firing, and nothing may have reached the receiver.
    const firing = await prometheus.query('ALERTS{alertstate="firing"}');
    expect(firing.map((s) => `${s.metric.alertname}{job=${s.metric.job}} ${s.metric.alertstate}`)).toEqual([]);
    expect(receiver.alerts.map((a) => `${a.labels.alertname}{job=${a.labels.job}}`)).toEqual([]);
  }, 40_000);

  it(`pages within ${PAGE_LIMIT_MS / 1000} s of each injected fault (${TRIALS} trials each), through the page route`, async () => {
    const faulty = [...jobsOf(PAGE_FAULTS), ...jobsOf(TICKET_FAULTS)];
    await Promise.all(faulty.map((i) => inject(i)));

    const waits = jobsOf(PAGE_FAULTS).flatMap((i) =>
      i.case!.alerts.map(async (alertname) => {
        const got = await receiver.waitFor(
          (a) => a.alertStatus === 'firing' && a.labels.alertname === alertname && a.labels.job === i.job,
          PAGE_LIMIT_MS + 15_000,
          `${alertname} for job ${i.job}`,
        );
        return { alertname, job: i.job, fault: i.case!.fault, got, latency: got.receivedAt - i.injectedAt! };
      }),
    );
    const results = await Promise.all(waits);
    printLatencies(results);

    for (const r of results) {
      expect(r.got.path, `${r.alertname} for ${r.job} goes to the page receiver`).toBe('/page');
      expect(r.got.version).toBe('4');
      expect(r.got.labels.severity).toBe('critical');
      expect(r.got.annotations.summary, `${r.alertname} has a summary`).toBeTruthy();
    }
    expect(
      results.filter((r) => r.latency > PAGE_LIMIT_MS).map((r) => `${r.alertname} ${r.job}: ${r.latency} ms`),
    ).toEqual([]);

    // The right alert, and only it: no page for a job other than the ones its fault is meant to raise.
    const pages = receiver.alerts.filter((a) => a.path === '/page' && a.alertStatus === 'firing');
    const unexpected = pages.filter((a) => {
      const owner = instances.find((i) => i.job === a.labels.job);
      const expected = [...(owner?.case?.alerts ?? []), ...(owner?.case?.burnPages ?? [])];
      return !expected.includes(a.labels.alertname ?? '');
    });
    expect(unexpected.map((a) => `${a.labels.alertname}{job=${a.labels.job}}`)).toEqual([]);
  }, 60_000);

  it('SLO burn-rate pages follow, later by at most their recording interval (measured and printed)', async () => {
    const results = await Promise.all(
      jobsOf(PAGE_FAULTS).flatMap((i) =>
        (i.case!.burnPages ?? []).map(async (alertname) => {
          const got = await receiver.waitFor(
            (a) => a.alertStatus === 'firing' && a.labels.alertname === alertname && a.labels.job === i.job,
            BURN_PAGE_LIMIT_MS + 15_000,
            `${alertname} for job ${i.job}`,
          );
          return { alertname, job: i.job, fault: i.case!.fault, got, latency: got.receivedAt - i.injectedAt! };
        }),
      ),
    );
    printLatencies(results, 'SLO burn-rate pages (recordings every 30 s)', BURN_PAGE_LIMIT_MS);
    for (const r of results) {
      expect(r.got.path, `${r.alertname} for ${r.job} goes to the page receiver`).toBe('/page');
      expect(r.got.labels.severity).toBe('critical');
    }
    expect(
      results.filter((r) => r.latency > BURN_PAGE_LIMIT_MS).map((r) => `${r.alertname} ${r.job}: ${r.latency} ms`),
    ).toEqual([]);
  }, 70_000);

  it('sends a resolved notification once the fault is switched off (instance down)', async () => {
    const down = jobsOf(PAGE_FAULTS).filter((i) => i.case!.key === 'down');
    await Promise.all(down.map((i) => post(`${i.control}/reset`)));
    await Promise.all(
      down.map((i) =>
        receiver.waitFor(
          (a) => a.alertStatus === 'resolved' && a.labels.alertname === 'GoServiceTargetDown' && a.labels.job === i.job,
          30_000,
          `resolved GoServiceTargetDown for job ${i.job}`,
        ),
      ),
    );
  }, 40_000);

  it('files a ticket for each slow fault (leaks, GC pressure), through the ticket route', async () => {
    const results = await Promise.all(
      jobsOf(TICKET_FAULTS).flatMap((i) =>
        i.case!.alerts.map(async (alertname) => {
          const got = await receiver.waitFor(
            (a) => a.alertStatus === 'firing' && a.labels.alertname === alertname && a.labels.job === i.job,
            120_000,
            `${alertname} for job ${i.job}`,
          );
          return { alertname, job: i.job, got, latency: got.receivedAt - i.injectedAt! };
        }),
      ),
    );
    for (const r of results) {
      expect(r.got.path, `${r.alertname} goes to the ticket receiver`).toBe('/ticket');
      expect(r.got.labels.severity).toBe('warning');
    }
    console.log(
      `tickets (windows shortened for the test, group_wait 30s): ${results.map((r) => `${r.alertname} ${(r.latency / 1000).toFixed(1)} s`).join(', ')}`,
    );
    // The healthy control instance never raised anything, during the whole run.
    expect(receiver.alerts.filter((a) => a.labels.job === 'healthy').map((a) => a.labels.alertname)).toEqual([]);
  }, 130_000);

  async function inject(i: Instance): Promise<void> {
    i.injectedAt = Date.now();
    const res = await post(`${i.control}?${i.case!.fault}`);
    expect(res.status, `fault ${i.case!.fault} on ${i.job}`).toBe(200);
  }
});

/** deploy/alertmanager.yml as shipped, with every webhook pointed at this test's receiver (same path). */
function shippedAlertmanagerConfig(receiverUrl: string): string {
  const config = parse(readFileSync(path.join(ROOT, 'deploy', 'alertmanager.yml'), 'utf8')) as {
    receivers: { name: string; webhook_configs?: { url: string }[] }[];
  };
  for (const r of config.receivers) {
    for (const hook of r.webhook_configs ?? []) hook.url = `${receiverUrl}${new URL(hook.url).pathname}`;
  }
  return stringify(config);
}

/** The app's scrape interval and the global evaluation interval of deploy/prometheus.yml. */
function shippedPrometheusTiming(): { appScrapeInterval: string; evaluationInterval: string } {
  const config = parse(readFileSync(path.join(ROOT, 'deploy', 'prometheus.yml'), 'utf8')) as {
    global: { scrape_interval: string; evaluation_interval: string };
    scrape_configs: { job_name: string; scrape_interval?: string }[];
  };
  const app = config.scrape_configs.find((c) => c.job_name === 'go-service');
  return {
    appScrapeInterval: app?.scrape_interval ?? config.global.scrape_interval,
    evaluationInterval: config.global.evaluation_interval,
  };
}

async function post(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST' });
  return { status: res.status, text: await res.text() };
}

function printLatencies(
  results: ReadonlyArray<{ alertname: string; fault: string; latency: number; got: ReceivedAlert }>,
  title = 'page delivery',
  limitMs = PAGE_LIMIT_MS,
): void {
  const lines = [`${title}, injection → receiver (${TRIALS} trials each; limit ${limitMs / 1000} s):`];
  const names = [...new Set(results.map((r) => r.alertname))];
  for (const name of names) {
    const mine = results.filter((r) => r.alertname === name);
    const ms = mine.map((r) => r.latency).sort((a, b) => a - b);
    const firing = mine.map((r) => r.got.receivedAt - r.got.startsAt).sort((a, b) => a - b);
    lines.push(
      `  ${name.padEnd(26)} fault ${mine[0]!.fault.padEnd(13)} median ${sec(median(ms))} max ${sec(ms.at(-1)!)}  ` +
        `[${ms.map(sec).join(', ')}]; firing → receiver median ${median(firing)} ms max ${firing.at(-1)!} ms`,
    );
  }
  console.log(lines.join('\n'));
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sec(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
