import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mondayNineUtc, weeklyReportWorkflow } from '../../src/report/schedule-workflow.ts';
import { runCli } from '../support/run-cli.ts';

type Workflow = {
  on: { schedule: Array<{ cron: string }>; workflow_dispatch: unknown };
  jobs: {
    report: { steps: Array<{ id?: string; run?: string; uses?: string; if?: string; with?: Record<string, unknown> }> };
  };
};

const crons = (zone: string) => (parse(weeklyReportWorkflow(zone)) as Workflow).on.schedule.map((s) => s.cron);

describe('weekly report workflow: Monday 09:00 local, as UTC cron', () => {
  it.each([
    ['Asia/Shanghai', ['0 1 * * 1']],
    ['UTC', ['0 9 * * 1']],
    ['Asia/Kolkata', ['30 3 * * 1']],
    ['Europe/Berlin', ['0 7 * * 1', '0 8 * * 1']],
    ['America/New_York', ['0 13 * * 1', '0 14 * * 1']],
    ['Pacific/Auckland', ['0 20 * * 0', '0 21 * * 0']],
    ['Pacific/Kiritimati', ['0 19 * * 0']],
  ])('%s → %j', (zone, expected) => {
    expect(crons(zone)).toEqual(expected);
  });

  it('a zone with summer time gates every step on the local hour; one without runs straight', () => {
    const berlin = parse(weeklyReportWorkflow('Europe/Berlin')) as Workflow;
    const [gate, ...rest] = berlin.jobs.report.steps;
    expect(gate!.id).toBe('gate');
    expect(gate!.run).toContain('[ "$(TZ=Europe/Berlin date +%u%H)" = "109" ]');
    for (const step of rest) expect(step.if).toBe("steps.gate.outputs.run == 'true'");
    const shanghai = parse(weeklyReportWorkflow('Asia/Shanghai')) as Workflow;
    expect(shanghai.jobs.report.steps.some((s) => s.id === 'gate' || s.if !== undefined)).toBe(false);
  });

  it('explains the conversion in comments', () => {
    expect(weeklyReportWorkflow('Asia/Shanghai')).toContain(
      "#   Monday 09:00 at UTC+08:00 is Monday 01:00 UTC -> cron '0 1 * * 1'",
    );
    expect(mondayNineUtc('Europe/Berlin').map((s) => s.offset)).toEqual(['+02:00', '+01:00']);
  });

  it('runs the report and uploads the reports/ folder, mail only when REPORT_MAIL_TO is set', () => {
    const w = parse(weeklyReportWorkflow('Asia/Shanghai')) as Workflow;
    const steps = w.jobs.report.steps;
    const report = steps.find((s) => s.run?.includes('panelcraft report'))!;
    expect(report.run).toBe(
      'npx panelcraft report --prometheus "$PROMETHEUS_URL" --tz Asia/Shanghai --format csv,pdf,html --out reports ${WEEK:+--week "$WEEK"} ${REPORT_MAIL_TO:+--mail-to "$REPORT_MAIL_TO"}',
    );
    const upload = steps.find((s) => s.uses === 'actions/upload-artifact@v4')!;
    expect(upload.with).toMatchObject({ path: 'reports/', 'if-no-files-found': 'error' });
  });

  it('refuses a zone name that is not one', () => {
    expect(() => weeklyReportWorkflow('UTC; rm -rf /')).toThrow(/is not an IANA zone name/);
  });

  it('the committed .github/workflows/weekly-report.yml is what `panelcraft report --workflow --tz Asia/Shanghai` prints', async () => {
    const committed = await readFile(new URL('../../.github/workflows/weekly-report.yml', import.meta.url), 'utf8');
    const printed = await runCli(['report', '--workflow', '--tz', 'Asia/Shanghai']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(committed);
    expect(committed).toBe(weeklyReportWorkflow('Asia/Shanghai'));
  });
});
