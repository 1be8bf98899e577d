import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goServiceAlerts } from '../../src/alerts/go-service-alerts.ts';
import { goServiceSlo } from '../../src/alerts/go-service-slo.ts';
import { renderAlertTests } from '../../src/build/render-alert-tests.ts';
import { renderAlerts } from '../../src/tooling/render-alerts.ts';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { clientGolang } from '../../src/conventions/client-golang.ts';
import type { Convention } from '../../src/conventions/convention.ts';
import { gin } from '../../src/conventions/gin.ts';
import { otel } from '../../src/conventions/otel.ts';
import { realToolsAvailable } from '../support/real-tools.ts';

/**
 * Both presets for each convention: the rendered rule file is a golden reviewed like code, and the real promtool
 * (Debian's 2.42) accepts it with --lint-fatal and passes every generated unit test: each alert fires on its bad
 * series at the expected time with the exact labels and annotations, and stays silent on the healthy ones.
 */
const CONVENTIONS: readonly (readonly [string, Convention])[] = [
  ['client-golang', clientGolang()],
  ['otel', otel()],
  ['gin', gin()],
];
const work = mkdtempSync(path.join(os.tmpdir(), 'panelcraft-promtool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasPromtool = realToolsAvailable(['promtool']);

describe.each(CONVENTIONS)('goServiceAlerts + goServiceSlo for %s', (name, convention) => {
  const exported = [...goServiceAlerts({ convention, job: 'api' }), ...goServiceSlo({ convention, job: 'api' })];
  const { ruleFiles, diagnostics } = renderAlerts([{ file: `alerts/demo/${name}.ts`, exported }], [], DEFAULT_CONFIG);
  const file = ruleFiles[0]!;

  it('renders without diagnostics, as the golden file', async () => {
    expect(diagnostics).toEqual([]);
    expect(file.output).toBe(`prometheus/rules/demo/${name}.yaml`);
    await expect(file.prometheusYaml).toMatchFileSnapshot(`./golden/${name}.yaml`);
  });

  it.skipIf(!hasPromtool)(
    'promtool check rules --lint-fatal accepts it and promtool test rules passes every generated test',
    () => {
      const dir = path.join(work, name);
      spawnSync('mkdir', ['-p', dir]);
      writeFileSync(path.join(dir, 'rules.yaml'), file.prometheusYaml);
      const check = spawnSync('promtool', ['check', 'rules', '--lint-fatal', 'rules.yaml'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(check.stdout + check.stderr).toContain('SUCCESS');
      expect(check.status).toBe(0);
      const tests = renderAlertTests(file, 'rules.yaml');
      expect(tests.diagnostics).toEqual([]);
      const names = tests.files.map((t, i) => {
        writeFileSync(path.join(dir, `tests-${i}.yaml`), t.contents);
        return `tests-${i}.yaml`;
      });
      const run = spawnSync('promtool', ['test', 'rules', ...names], { cwd: dir, encoding: 'utf8', timeout: 170_000 });
      expect(run.stdout + run.stderr).not.toContain('FAILED');
      expect(run.status).toBe(0);
    },
    180_000,
  );
});
