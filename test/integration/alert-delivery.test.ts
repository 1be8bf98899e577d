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
import { holdConnections } from '../support/held-connections.ts';
import { startWebhookReceiver, type ReceivedAlert, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { generateRuleFiles } from './alert-rules-for-test.ts';

/**
 * The real chain, on 127.0.0.1 only: demo Go services with fault switches → Debian's Prometheus evaluating the rule
 * files `build` generates → Debian's Alertmanager with deploy/alertmanager.yml as shipped (only the receiver URLs
 * point at this test) → a webhook receiver in this test.
 *
 * Page alerts run with the shipped timing and thresholds: the app's scrape interval from deploy/prometheus.yml (5 s),
 * the page groups' own 5 s interval (the SLO page groups record their windows in the same group, just before the
 * page), no `for`, the page route's group_wait 0s. Each page fault runs in TRIALS instances at once, one scrape job
 * each (the alerts aggregate by job), so the trials are independent and land on different scrape and evaluation
 * phases; the in-flight page, which needs 12 000 held connections per trial, runs its trials one after another.
 * Ticket alerts are generated with windows and `for` shortened through the preset's timing options, since their real
 * ones are minutes to hours.
 *
 * The SLO burn-rate pages cross within seconds here because each demo service is fresh: the test injects its faults
 * after about 45 s of healthy traffic (printed), so a window's bad share after t seconds of nothing but bad requests
 * is about t / (45 + t), and 1.44 % (availability) or 14.4 % (latency) is reached after under a second or about 8 s.
 * On a service with an hour of history the 1h window needs 52 s (availability, 99.9 %) or 8.6 min (latency, 99 %)
 * of nothing but bad requests (docs/alerts.md): the rules are the same, the history is not.
 */
const TRIALS = 5;
const PAGE_LIMIT_MS = 15_000;
const ROOT = path.join(import.meta.dirname, '..', '..');

interface FaultCase {
  /** Job-name stem and fault switch query. */
  readonly key: string;
  readonly fault: string;
  /** Alerts the fault must raise (and no other alert of its severity). */
  readonly alerts: readonly string[];
  /** Pages the fault may also raise, later, as a consequence (e.g. released requests completing late). */
  readonly mayFollow?: readonly string[];
  /** Requests per second of steady traffic to the instance; 0 for none. */
  readonly traffic: number;
  readonly args?: readonly string[];
}

/**
 * The hang fault against the preset's own in-flight threshold (12 000, the review's "concurrent connections"): the
 * test holds threshold + 100 connections to the instance and sends a request on each right after switching the hang
 * on. One trial at a time (each needs ~12 100 fds in this process and in the Go service; `ulimit -n` is 20 000), each
 * on its own instance and job, so no trial meets an Alertmanager group a previous trial left behind. Once the hang is
 * released, the held requests complete seconds late, so the latency pages may follow: that is the fault's aftermath.
 */
const HANG: FaultCase = {
  key: 'hang',
  fault: 'hang=true',
  alerts: ['GoServiceTooManyInFlight'],
  mayFollow: ['GoServiceHighLatencyP95', 'GoServiceLatencyBudgetBurn'],
  traffic: 10,
  args: ['-hang-max-requests', '13000'],
};
const PAGE_FAULTS: readonly FaultCase[] = [
  {
    key: 'errors',
    fault: 'errors=1',
    alerts: ['GoServiceHighErrorRatio', 'GoServiceAvailabilityBudgetBurn'],
    traffic: 10,
  },
  {
    key: 'slow',
    // Above the P95 page's 0.8 s and the latency SLO's 1 s bucket, in the same (1, 2.5] bucket as any larger delay:
    // a latency page can only see requests once they complete, so a longer delay only shifts every result later.
    fault: 'latency=1200ms',
    alerts: ['GoServiceHighLatencyP95', 'GoServiceLatencyBudgetBurn'],
    traffic: 10,
  },
  HANG,
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
/**
 * The local stack's traffic mix (deploy/docker-compose.yml `traffic`), which every instance gets: the demo's checkout
 * route fails every 20th request by design, and the mix calls it rarely enough to stay inside the SLO (0.08 %).
 */
const SHIPPED_PATHS = shippedTrafficPaths();

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
  let ruleFiles: string[];
  let trafficSince = 0;

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

    ruleFiles = await generateRuleFiles(dir, {
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

    trafficSince = Date.now();
    for (const i of instances) {
      const rate = i.case?.traffic ?? 10;
      if (rate > 0) traffic.push(steadyTraffic(i.url, rate, SHIPPED_PATHS));
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
    // Not quiet by accident: the rules evaluate over real traffic. Every job's SLO page group records its request rate
    // and an error share of exactly 0 (the shipped mix fails one request in 1 220, the first after ~2 minutes).
    const jobs = instances.map((i) => i.job).sort();
    const served = instances.filter((i) => (i.case?.traffic ?? 10) > 0).map((i) => i.job);
    const recorded = await prometheus.query('job:slo_requests:rate5m > 0');
    expect(recorded.map((s) => s.metric.job).sort()).toEqual(served.sort());
    const errors = await prometheus.query('job:slo_requests_errors:rate5m');
    expect(errors.map((s) => `${s.metric.job} ${s.value[1]}`).sort()).toEqual(jobs.map((j) => `${j} 0`));
  }, 40_000);

  it(`pages within ${PAGE_LIMIT_MS / 1000} s of each injected fault (${TRIALS} trials each, SLO burn-rate pages included), through the page route`, async () => {
    const parallel = PAGE_FAULTS.filter((c) => c !== HANG);
    await Promise.all([...jobsOf(parallel), ...jobsOf(TICKET_FAULTS)].map((i) => inject(i)));
    const results = await Promise.all(
      jobsOf(parallel).flatMap((i) => i.case!.alerts.map((alertname) => waitForPage(i, alertname))),
    );
    // The burn-rate pages' long windows hold only this much history (see the header): printed with the latencies.
    console.log(
      `healthy traffic before the faults: ${sec(Math.min(...results.map((r) => r.injectedAt)) - trafficSince)}`,
    );
    printLatencies(results);
    expectDeliveredPages(results);
    // The right alert, and only it: no page for a job other than the ones its fault is meant to raise.
    expect(unexpectedPages()).toEqual([]);
  }, 60_000);

  it("pages GoServiceTooManyInFlight within 15 s at the preset's own threshold, with > 12 000 real connections (5 trials, one at a time)", async () => {
    const threshold = inFlightThreshold(ruleFiles, jobsOf([HANG])[0]!.job);
    expect(threshold, 'the rule under test is the shipped preset default, the review number').toBe(12_000);
    const count = threshold + 100;
    const results: PageResult[] = [];
    for (const i of jobsOf([HANG])) {
      const fdsBefore = await openFds(i);
      const held = await holdConnections(i.url, count);
      try {
        await inject(i);
        held.request('/api/orders');
        results.push(await waitForPage(i, 'GoServiceTooManyInFlight'));
        // Every held request was in flight at once: none was turned away by the demo's hang cap (503).
        expect(await post(`${i.control}/reset`)).toMatchObject({ status: 200 });
        await waitUntil(
          async () => held.answered === count,
          20_000,
          () => `${held.answered} of ${count} held requests answered after the hang was released on ${i.job}`,
        );
      } finally {
        await held.close();
      }
      expect(held.open).toBe(0);
      // The service closed its side too: its open fds fall back to where they were before the trial.
      let fds = Number.NaN;
      await waitUntil(
        async () => (fds = await openFds(i)) < fdsBefore + 100,
        20_000,
        () => `${i.job} still has ${fds} open fds (before the trial: ${fdsBefore})`,
      );
    }
    printLatencies(results, `in-flight pages, ${count} connections held per trial, trials one after another`);
    expectDeliveredPages(results);
  }, 180_000);

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

  it(`pages again within ${PAGE_LIMIT_MS / 1000} s when the fault returns right after its resolved notification`, async () => {
    // Alertmanager keeps an aggregation group until its periodic clean-up, even once every alert in it resolved: an
    // alert that fires again joins that group, which already notified, and waits for its next group_interval tick
    // instead of group_wait. The page route's group_interval is what bounds a flapping page.
    const down = jobsOf(PAGE_FAULTS).filter((i) => i.case!.key === 'down');
    await Promise.all(down.map((i) => inject(i)));
    const results = await Promise.all(down.map((i) => waitForPage(i, 'GoServiceTargetDown')));
    printLatencies(results, 'page again, right after the resolved notification');
    expectDeliveredPages(results);
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

  it("paged nothing, over the whole run, that a job's fault is not meant to raise", () => {
    expect(unexpectedPages()).toEqual([]);
  });

  async function waitForPage(i: Instance, alertname: string): Promise<PageResult> {
    const got = await receiver.waitFor(
      (a) =>
        a.alertStatus === 'firing' &&
        a.labels.alertname === alertname &&
        a.labels.job === i.job &&
        a.receivedAt >= i.injectedAt!,
      PAGE_LIMIT_MS + 15_000,
      `${alertname} for job ${i.job}`,
    );
    return {
      alertname,
      job: i.job,
      fault: i.case!.fault,
      got,
      injectedAt: i.injectedAt!,
      latency: got.receivedAt - i.injectedAt!,
    };
  }

  /** Pages that reached the receiver for a job whose fault is not meant to raise them. */
  function unexpectedPages(): string[] {
    return receiver.alerts
      .filter((a) => a.path === '/page' && a.alertStatus === 'firing')
      .filter((a) => {
        const owner = instances.find((i) => i.job === a.labels.job)?.case;
        return ![...(owner?.alerts ?? []), ...(owner?.mayFollow ?? [])].includes(a.labels.alertname ?? '');
      })
      .map((a) => `${a.labels.alertname}{job=${a.labels.job}}`);
  }

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

/** One cycle of deploy/docker-compose.yml's traffic loop: CHECKOUT_EVERY rounds of ROUTES, then one checkout. */
function shippedTrafficPaths(): string[] {
  const compose = parse(readFileSync(path.join(ROOT, 'deploy', 'docker-compose.yml'), 'utf8')) as {
    services: { traffic: { environment: { ROUTES: string; CHECKOUT_EVERY: string } } };
  };
  const { ROUTES, CHECKOUT_EVERY } = compose.services.traffic.environment;
  const rounds = Array.from({ length: Number(CHECKOUT_EVERY) }, () => ROUTES.split(/\s+/)).flat();
  return [...rounds, '/api/checkout'];
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

interface PageResult {
  readonly alertname: string;
  readonly job: string;
  readonly fault: string;
  readonly got: ReceivedAlert;
  readonly injectedAt: number;
  readonly latency: number;
}

function expectDeliveredPages(results: readonly PageResult[]): void {
  for (const r of results) {
    expect(r.got.path, `${r.alertname} for ${r.job} goes to the page receiver`).toBe('/page');
    expect(r.got.version).toBe('4');
    expect(r.got.labels.severity).toBe('critical');
    expect(r.got.annotations.summary, `${r.alertname} has a summary`).toBeTruthy();
  }
  expect(
    results.filter((r) => r.latency > PAGE_LIMIT_MS).map((r) => `${r.alertname} ${r.job}: ${r.latency} ms`),
  ).toEqual([]);
}

/** The number GoServiceTooManyInFlight of `job` compares with, read from the generated rule file itself. */
function inFlightThreshold(files: readonly string[], job: string): number {
  const groups = files.flatMap(
    (f) => (parse(readFileSync(f, 'utf8')) as { groups: { rules: { alert?: string; expr: string }[] }[] }).groups,
  );
  const rule = groups
    .flatMap((g) => g.rules)
    .find((r) => r.alert === 'GoServiceTooManyInFlight' && r.expr.includes(`job="${job}"`));
  const m = rule && /^http_requests_in_flight\{[^}]*\} > (\d+)$/.exec(rule.expr);
  if (!m) throw new Error(`no GoServiceTooManyInFlight rule for job ${job} in ${files.join(', ')}`);
  return Number(m[1]);
}

/** process_open_fds of one demo instance, from its own /metrics. */
async function openFds(i: { url: string }): Promise<number> {
  const text = await (await fetch(`${i.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_open_fds '));
  if (!line) throw new Error(`${i.url}/metrics has no process_open_fds`);
  return Number(line.split(' ')[1]);
}

async function post(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST' });
  return { status: res.status, text: await res.text() };
}

function printLatencies(results: readonly PageResult[], title = 'page delivery'): void {
  const lines = [
    `${title}, injection → receiver (${TRIALS} trials each; limit ${PAGE_LIMIT_MS / 1000} s; load ${loadAverage()}):`,
  ];
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

/** The 1-minute load average, printed with the latencies: the machine may be shared while they are measured. */
function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(2);
}
