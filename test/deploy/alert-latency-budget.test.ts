import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The shipped settings must get a page to a receiver within 15 s of its condition (issue 12). The real-chain test
 * (test/integration/alert-delivery.test.ts) measures it; this test keeps the worst case on paper, from the files
 * as committed, so a change to any one of them that breaks the budget fails here first, with the arithmetic.
 */
const root = join(import.meta.dirname, '..', '..');
const LIMIT_S = 15;
/** Left for a rate() window to take in enough bad samples, and for HTTP. */
const MARGIN_S = 5;

const prometheus = parse(readFileSync(join(root, 'deploy', 'prometheus.yml'), 'utf8')) as {
  global: { scrape_interval: string; evaluation_interval: string };
  scrape_configs: { job_name: string; scrape_interval?: string }[];
};
interface AmRoute {
  readonly receiver?: string;
  readonly matchers?: readonly string[];
  readonly group_by?: readonly string[];
  readonly group_wait?: string;
  readonly group_interval?: string;
  readonly routes?: readonly AmRoute[];
}
const alertmanager = parse(readFileSync(join(root, 'deploy', 'alertmanager.yml'), 'utf8')) as { route: AmRoute };

interface RuleGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly {
    alert?: string;
    record?: string;
    expr?: string;
    for?: string;
    labels?: Record<string, string>;
  }[];
}

/** Seconds of a Prometheus duration such as `1m30s`; throws on anything else. */
function seconds(text: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: ${text}`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** Which route an alert with `severity` takes: the first child whose `severity="…"` matcher it meets, else the root. */
function routeFor(severity: string): AmRoute {
  const child = alertmanager.route.routes?.find((r) => r.matchers?.includes(`severity="${severity}"`));
  return { ...alertmanager.route, routes: [], ...child };
}

function generatedGroups(): { file: string; group: RuleGroup }[] {
  const dir = join(root, 'prometheus', 'rules');
  if (!existsSync(dir)) return [];
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.flatMap((f) => {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as { groups: RuleGroup[] };
    return doc.groups.map((group) => ({ file: f.split(sep).join('/'), group }));
  });
}

const evaluationOf = (group: Pick<RuleGroup, 'interval'>) =>
  seconds(group.interval ?? prometheus.global.evaluation_interval);

/**
 * Extra delay from recording rules of OTHER groups the expression reads (a recorded series is only as fresh as its
 * group's last evaluation; a rule of the same group reads the same cycle's value). Follows chains of recordings and
 * takes the slowest path.
 */
function recordingLag(
  expr: string,
  group: RuleGroup,
  all: readonly RuleGroup[],
  seen: ReadonlySet<string> = new Set(),
): number {
  let lag = 0;
  for (const other of all) {
    for (const rule of other.rules) {
      if (
        rule.record === undefined ||
        seen.has(rule.record) ||
        !new RegExp(`(^|[^\\w:])${rule.record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w:])`).test(expr)
      )
        continue;
      const own = other.name === group.name ? 0 : evaluationOf(other);
      lag = Math.max(lag, own + recordingLag(rule.expr ?? '', other, all, new Set([...seen, rule.record])));
    }
  }
  return lag;
}

/** Worst case from condition to receiver, in seconds, with each term named. */
function pageBudget(
  group: RuleGroup,
  rule: { expr?: string; for?: string },
  all: readonly RuleGroup[] = [group],
): {
  total: number;
  terms: { scrape: number; recordings: number; evaluation: number; for: number; group_wait: number };
} {
  const app = prometheus.scrape_configs.find((c) => c.job_name === 'go-service');
  const scrape = seconds(app?.scrape_interval ?? prometheus.global.scrape_interval);
  const recordings = recordingLag(rule.expr ?? '', group, all);
  const evaluation = evaluationOf(group);
  // `for` counts from the first evaluation that sees the condition, in whole evaluation steps.
  const pending = Math.ceil(seconds(rule.for ?? '0s') / evaluation) * evaluation;
  const route = routeFor('critical');
  // With group_by ['...'] every alert is its own group, so a new page waits group_wait only, never group_interval.
  if (!route.group_by?.includes('...'))
    throw new Error('the page route aggregates alerts: a new page can wait a whole group_interval');
  const groupWait = seconds(route.group_wait ?? '30s');
  const terms = { scrape, recordings, evaluation, for: pending, group_wait: groupWait };
  return { total: scrape + recordings + evaluation + pending + groupWait, terms };
}

describe('page delivery budget (deploy/prometheus.yml + prometheus/rules + deploy/alertmanager.yml)', () => {
  it(`leaves ${MARGIN_S} s of the ${LIMIT_S} s for rate windows with the shipped intervals and a page group of 5 s`, () => {
    const group = { name: 'pages', interval: '5s', rules: [] };
    expect(pageBudget(group, {})).toEqual({
      total: 10,
      terms: { scrape: 5, recordings: 0, evaluation: 5, for: 0, group_wait: 0 },
    });
  });

  it('counts a `for` in whole evaluation steps (so the arithmetic can fail)', () => {
    expect(pageBudget({ name: 'pages', interval: '5s', rules: [] }, { for: '6s' }).total).toBe(20);
  });

  it('adds the interval of every other group whose recordings the alert reads, along the slowest chain', () => {
    const recordings: RuleGroup = {
      name: 'rec',
      interval: '30s',
      rules: [{ record: 'job:errors:rate5m', expr: 'sum(rate(x[5m]))' }],
    };
    const derived: RuleGroup = {
      name: 'derived',
      interval: '10s',
      rules: [{ record: 'job:errors:ratio_rate5m', expr: 'job:errors:rate5m / 2' }],
    };
    const pages: RuleGroup = { name: 'pages', interval: '5s', rules: [] };
    const all = [recordings, derived, pages];
    expect(pageBudget(pages, { expr: 'job:errors:ratio_rate5m > 0.01' }, all).terms.recordings).toBe(40);
    expect(pageBudget(pages, { expr: 'job:errors:rate5m > 0.01' }, all).terms.recordings).toBe(30);
    // A name that merely contains the record name is not a read of it.
    expect(pageBudget(pages, { expr: 'job:errors:rate5m_total > 0.01' }, all).terms.recordings).toBe(0);
    // Same group: same evaluation cycle, no lag.
    expect(pageBudget(recordings, { expr: 'job:errors:rate5m > 0.01' }, all).terms.recordings).toBe(0);
  });

  /** Every critical alert of the generated rule files with its budget; empty (and a warning) before any build. */
  function generatedPages() {
    const found = generatedGroups();
    if (found.length === 0) {
      console.warn('\n!!! prometheus/rules/ has no rule files yet: the page budget is only checked for a 5 s group\n');
      return [];
    }
    const pages = found.flatMap(({ file, group }) =>
      group.rules
        .filter((r) => r.alert !== undefined && r.labels?.severity === 'critical')
        .map((rule) => ({ file, group, rule })),
    );
    expect(pages.length).toBeGreaterThan(0);
    return pages.map(({ file, group, rule }) => {
      const sameFile = found.filter((f) => f.file === file).map((f) => f.group);
      return { where: `${file} ${group.name} ${rule.alert}`, ...pageBudget(group, rule, sameFile) };
    });
  }

  it(`every generated critical alert, SLO burn-rate pages included, reaches a receiver within ${LIMIT_S - MARGIN_S} s of its condition, on paper`, () => {
    const over = generatedPages().filter((p) => p.total > LIMIT_S - MARGIN_S);
    expect(over).toEqual([]);
  });

  it(`a page firing again right after it resolved reaches a receiver within ${LIMIT_S} s too, on paper`, () => {
    // Alertmanager drops an emptied aggregation group only at its periodic clean-up; an alert that fires again before
    // that joins the group that already notified and waits for its next group_interval tick instead of group_wait.
    const route = routeFor('critical');
    const worst = pageBudget({ name: 'pages', interval: '5s', rules: [] }, {});
    const refire = worst.total - worst.terms.group_wait + seconds(route.group_interval ?? '5m');
    expect(refire).toBe(12);
    expect(refire).toBeLessThanOrEqual(LIMIT_S);
  });

  it('no page reads a recording of another group: burn-rate pages record their windows in their own group', () => {
    // goServiceSlo puts the page windows' rates and the page alert in one group, evaluated together every 5 s; a
    // recording refreshed by a slower group would add its whole interval to the page (30 s before this layout).
    const pages = generatedPages();
    expect(pages.filter((p) => p.where.includes('BudgetBurn')).length).toBeGreaterThan(0);
    expect(pages.filter((p) => p.terms.recordings > 0).map((p) => p.where)).toEqual([]);
  });
});
