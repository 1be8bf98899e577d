import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findReportFont } from '../../src/io/report-font.ts';
import { tempProject, type TempProject } from '../support/temp-project.ts';

const job = (name: string) =>
  JSON.stringify({
    templating: { list: [{ name: 'job', current: { value: name } }] },
    panels: [{ targets: [{ expr: 'rate(http_requests_total[5m])' }] }],
  });

let project: TempProject | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

async function run(files: Record<string, string>, ...args: string[]) {
  project = await tempProject(files);
  return project.run('report', ...args);
}

const DASH = { 'provisioning/dashboards/a/api.json': job('api') };
// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const NOWHERE = 'http://127.0.0.1:1';

describe('panelcraft report: usage errors say what and how (exit 2, nothing written)', () => {
  it.each([
    [[], /--prometheus URL is required\nusage: panelcraft report/],
    [['--prometheus', 'ftp://x'], /--prometheus "ftp:\/\/x" is not an http\(s\) URL/],
    [['--prometheus', NOWHERE, '--week', '2027-W53'], /--week "2027-W53" is not an ISO week such as 2026-W48/],
    [
      ['--prometheus', NOWHERE, '--week', '2026-W48', '--from', '2026-11-01', '--to', '2026-11-02'],
      /--week and --from\/--to exclude each other/,
    ],
    [['--prometheus', NOWHERE, '--from', '2026-11-01'], /--from and --to go together/],
    [
      ['--prometheus', NOWHERE, '--from', '2026-11-09', '--to', '2026-11-01'],
      /--to 2026-11-01 is before --from 2026-11-09/,
    ],
    [
      ['--prometheus', NOWHERE, '--from', '2026-02-30', '--to', '2026-03-01'],
      /--from "2026-02-30" is not a date YYYY-MM-DD/,
    ],
    [
      ['--prometheus', NOWHERE, '--tz', 'Mars/Olympus'],
      /--tz "Mars\/Olympus" is not an IANA time zone; use e.g. Asia\/Shanghai/,
    ],
    [['--prometheus', NOWHERE, '--format', 'csv,docx'], /--format "docx" is not one of csv, pdf, html/],
    [['--prometheus', NOWHERE, '--locale', 'fr'], /--locale "fr" is not one of en, zh-CN/],
    [['--prometheus', NOWHERE, '--mail-to', 'a@example.test'], /--mail-to needs SMTP settings: add `report: \{ mail:/],
  ])('%j', async (args, message) => {
    const r = await run(DASH, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('no services: names --service and build as the fix', async () => {
    const r = await run({}, '--prometheus', NOWHERE, '--format', 'csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no built dashboard has a fixed `job` variable');
    expect(r.stderr).toContain('fix: name them with --service JOB');
  });

  it('an unreachable Prometheus is exit 2 and writes nothing', async () => {
    const r = await run(DASH, '--prometheus', NOWHERE, '--format', 'csv', '--week', '2026-W48');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^panelcraft report: Prometheus at http:\/\/127\.0\.0\.1:1 does not answer: cannot reach/);
    await expect(project!.read('reports/raw_data_2026W48.csv')).rejects.toThrow(/ENOENT/);
  });

  it('a zh-CN PDF with an unusable --font stops before any query, saying what to install', async () => {
    project = await tempProject(DASH);
    await writeFile(path.join(project.root, 'not-a-font.ttf'), 'hello');
    const r = await project.run(
      'report',
      '--prometheus',
      NOWHERE,
      '--locale',
      'zh-CN',
      '--font',
      'not-a-font.ttf',
      '--root',
      '.',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a font fontkit can read');
    expect(r.stderr).toContain('apt-get install fonts-noto-cjk');
  });

  it('the SMTP password in panelcraft.yaml is a config error', async () => {
    const r = await run(
      {
        ...DASH,
        'panelcraft.yaml':
          'report:\n  mail:\n    host: smtp.example.test\n    from: r@example.test\n    password: hunter2\n',
      },
      '--prometheus',
      NOWHERE,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the SMTP password must not be written in panelcraft.yaml');
  });

  it('report.timezone must be an IANA zone', async () => {
    const r = await run({ ...DASH, 'panelcraft.yaml': 'report:\n  timezone: Beijing\n' }, '--prometheus', NOWHERE);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('timezone "Beijing" is not an IANA time zone');
  });
});

describe('findReportFont', () => {
  it('zh-CN without any CJK font: the message says what to install', async () => {
    await expect(findReportFont('zh-CN', undefined, ['/nonexistent/font.ttc'])).rejects.toThrow(
      /a zh-CN PDF needs a font with Chinese glyphs and none was found \(looked in \/nonexistent\/font\.ttc\)\n {2}fix: install a CJK font, e.g. `apt-get install fonts-noto-cjk`/,
    );
  });
  it('English without a CJK font falls back to the built-in Helvetica', async () => {
    await expect(findReportFont('en', undefined, ['/nonexistent/font.ttc'])).resolves.toBeUndefined();
  });
  it('a Latin-only font is refused for lacking Chinese glyphs', async () => {
    const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    await expect(findReportFont('zh-CN', dejavu)).rejects.toThrow(/has no Chinese glyphs/);
  });
});

describe('panelcraft report --json on failure: one JSON report with ok false and exit 1', () => {
  it('a config error', async () => {
    const r = await run({ ...DASH, 'panelcraft.yaml': 'report:\n  slo: 2\n' }, '--prometheus', NOWHERE, '--json');
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as {
      command: string;
      ok: boolean;
      diagnostics: Array<{ rule: string; pointer: string }>;
    };
    expect(body).toMatchObject({ command: 'report', ok: false });
    expect(body.diagnostics.map((d) => [d.rule, d.pointer])).toEqual([['config', '/report/slo']]);
  });

  it('a query Prometheus refuses: nothing written, the error and the query in the diagnostic', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/api/v1/status/buildinfo')) res.end('{"status":"success","data":{"version":"2.42.0"}}');
      else
        res.end(
          '{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"}',
        );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await run(DASH, '--prometheus', url, '--week', '2026-W48', '--format', 'csv', '--json');
      expect(r.code).toBe(1);
      const body = JSON.parse(r.stdout) as { ok: boolean; diagnostics: Array<{ rule: string; message: string }> };
      expect(body.ok).toBe(false);
      expect(body.diagnostics[0]!.rule).toBe('report-query');
      expect(body.diagnostics[0]!.message).toMatch(/report queries failed:\n.*too many samples[\s\S]*query: /);
      await expect(project!.read('reports/raw_data_2026W48.csv')).rejects.toThrow(/ENOENT/);
    } finally {
      server.close();
    }
  });
});
