import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly concurrency: { readonly group: string; readonly 'cancel-in-progress': boolean };
  readonly jobs: Record<string, { readonly 'runs-on': string; readonly steps: Step[] }>;
}
const workflow = parse(text) as Workflow;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);

/** The one step whose `run` script contains `command`; fails if none or several do. */
function stepRunning(command: string): Step {
  const found = steps.filter((s) => s.run?.includes(command));
  expect(
    found.map((s) => s.name),
    `steps running "${command}"`,
  ).toHaveLength(1);
  return found[0] as Step;
}
const stepUsing = (action: string): Step => {
  const found = steps.find((s) => s.uses?.startsWith(`${action}@`));
  if (!found) throw new Error(`no step uses ${action}`);
  return found;
};
const indexOf = (step: Step): number => steps.indexOf(step);

describe('.github/workflows/ci.yml', () => {
  it('runs on push and pull_request, with a read-only token and one run per ref', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toContain('github.ref');
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(jobs).toHaveLength(1);
  });

  it('pins every action to a full commit SHA with a version comment', () => {
    const uses = [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(.+)$/gm)].map((m) => (m[1] ?? '').trim());
    expect(uses).toHaveLength(3);
    for (const line of uses) expect(line).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    expect(uses.map((u) => u.split('@')[0])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/upload-artifact',
    ]);
  });

  it('checks out the full history so the diff can read the base branch', () => {
    expect(stepUsing('actions/checkout').with).toMatchObject({ 'fetch-depth': 0 });
    expect(indexOf(stepUsing('actions/checkout'))).toBe(0);
  });

  it('sets up Node 20 with the npm cache', () => {
    expect(stepUsing('actions/setup-node').with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('installs, runs the static checks, unit and integration tests, then checks the dashboards and the committed output, in that order', () => {
    const order = [
      stepRunning('npm ci'),
      stepRunning('npm run check'),
      stepRunning('npm run test:unit'),
      stepRunning('npm run test:integration'),
      stepRunning('npm run build:dashboards -- --check'),
      stepRunning('git diff --exit-code -- provisioning/'),
    ].map(indexOf);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const step of steps) expect(step.name, `step ${indexOf(step)} has a name`).toMatch(/\S/);
  });

  it('fails when a fresh build changes or adds files under provisioning/', () => {
    const check = stepRunning('git diff --exit-code -- provisioning/').run ?? '';
    expect(check).toContain('node bin/panelcraft.js build\n');
    expect(check.indexOf('node bin/panelcraft.js build')).toBeLessThan(check.indexOf('git diff --exit-code'));
    expect(check).toContain('git ls-files --others --exclude-standard -- provisioning/');
    expect(check).toContain('exit 1');
  });

  it('installs the tools the stack and integration tests need in CI', () => {
    const install = stepRunning('apt-get install');
    const packages = [
      'prometheus',
      'prometheus-alertmanager',
      'docker-compose',
      'golang-go',
      'golang-github-prometheus-client-golang-dev',
      'golang-github-gin-gonic-gin-dev',
      'golang-github-mcuadros-go-gin-prometheus-dev',
    ];
    for (const pkg of packages) {
      expect(install.run).toMatch(new RegExp(`\\s${pkg}(\\s|$)`));
    }
    expect(indexOf(install)).toBeLessThan(indexOf(stepRunning('npm run test:integration')));
  });

  it('on pull requests writes the markdown diff against the base branch to the job summary', () => {
    const diff = stepRunning('node bin/panelcraft.js diff');
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect(diff.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(diff.run).toContain(
      'node bin/panelcraft.js diff --base "origin/$BASE_REF" --format markdown --out diff-out >> "$GITHUB_STEP_SUMMARY"',
    );
    expect(diff.run).not.toContain('${{');
  });

  it('on pull requests uploads the layout SVGs as an artifact', () => {
    const upload = stepUsing('actions/upload-artifact');
    expect(upload.if).toBe("github.event_name == 'pull_request'");
    expect(upload.with).toMatchObject({ name: 'dashboard-diff', path: 'diff-out/' });
    expect(indexOf(upload)).toBeGreaterThan(indexOf(stepRunning('node bin/panelcraft.js diff')));
  });
});
