import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findTool } from './external-tool.ts';

const root = join(import.meta.dirname, '..', '..');
const configPath = join(root, 'deploy', 'alertmanager.yml');

interface Route {
  readonly receiver?: string;
  readonly matchers?: readonly string[];
  readonly group_by?: readonly string[];
  readonly group_wait?: string;
  readonly group_interval?: string;
  readonly repeat_interval?: string;
  readonly routes?: readonly Route[];
}
const config = parse(readFileSync(configPath, 'utf8')) as {
  route: Route;
  inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
  receivers: { name: string; webhook_configs?: { url: string; send_resolved?: boolean }[] }[];
};

const amtool = findTool('amtool', [['amtool']], ['--version']);

function amtoolRun(args: readonly string[]): { status: number | null; output: string; stdout: string } {
  const [bin, ...pre] = amtool ?? [];
  const result = spawnSync(bin ?? 'amtool', [...pre, ...args], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr, stdout: result.stdout };
}

describe('deploy/alertmanager.yml', () => {
  it.skipIf(amtool === undefined)('passes `amtool check-config`', () => {
    const result = amtoolRun(['check-config', configPath]);
    expect(result.output).toContain('SUCCESS');
    expect(result.output).toContain('2 receivers');
    expect(result.status).toBe(0);
  });

  it.skipIf(amtool === undefined)('amtool rejects a broken copy (the check is not vacuous)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'panelcraft-amtool-'));
    const broken = join(dir, 'alertmanager.yml');
    // Alertmanager refuses a zero group_interval: it would re-notify in a busy loop.
    writeFileSync(broken, readFileSync(configPath, 'utf8').replace('group_interval: 2s', 'group_interval: 0s'));
    const result = amtoolRun(['check-config', broken]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/group_interval cannot be zero/);
  });

  it.skipIf(amtool === undefined).each([
    ['critical', 'page'],
    ['warning', 'ticket'],
    ['info', 'ticket'],
  ])('routes severity=%s to the %s receiver (amtool config routes test)', (severity, receiver) => {
    const result = amtoolRun([
      'config',
      'routes',
      'test',
      `--config.file=${configPath}`,
      `--verify.receivers=${receiver}`,
      'alertname=GoServiceHighErrorRatio',
      'job=go-service',
      `severity=${severity}`,
    ]);
    expect(result.stdout.trim()).toBe(receiver);
    expect(result.status).toBe(0);
  });

  it('sends each page on its own at once: group_by [...] and group_wait 0s, so it never waits behind another alert', () => {
    const page = config.route.routes?.find((r) => r.receiver === 'page');
    expect(page).toMatchObject({
      matchers: ['severity="critical"'],
      group_by: ['...'],
      group_wait: '0s',
      group_interval: '2s',
    });
  });

  it('batches tickets the usual way (30 s wait, 5 m between updates)', () => {
    expect(config.route).toMatchObject({
      receiver: 'ticket',
      group_by: ['alertname', 'job'],
      group_wait: '30s',
      group_interval: '5m',
    });
  });

  it('keeps the ticket-level twin of a paging alert quiet while it pages', () => {
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity!="critical"'],
        equal: ['alertname', 'job'],
      },
    ]);
  });

  it('tells receivers when an alert resolves', () => {
    const hooks = config.receivers.flatMap((r) => r.webhook_configs ?? []);
    expect(hooks.length).toBe(2);
    for (const hook of hooks) expect(hook.send_resolved).toBe(true);
  });
});
