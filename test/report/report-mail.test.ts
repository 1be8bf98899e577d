import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailReport } from '../../src/io/mail-report.ts';
import { parseDate } from '../../src/report/calendar.ts';
import type { WeeklyReport } from '../../src/report/report-model.ts';
import { previousRange, rangeOfDates } from '../../src/report/report-range.ts';

const PASSWORD = 'correct horse battery staple 42';

const range = rangeOfDates('Asia/Shanghai', parseDate('2026-11-23')!, parseDate('2026-11-29')!);
const report: WeeklyReport = { range, previous: previousRange(range), verdict: 'warn', services: [] };

interface Received {
  from: string;
  to: string[];
  raw: string;
  user: string;
}

describe('mailing the report to a local SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'reporter' && auth.password === PASSWORD) callback(null, { user: auth.username });
        else callback(new Error('invalid credentials'));
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            user: String(session.user ?? ''),
          });
          callback();
        });
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const config = () => ({
    host: '127.0.0.1',
    port,
    secure: false,
    user: 'reporter',
    from: 'reports@example.test',
    passwordEnv: 'SMTP_PW',
    to: [],
  });
  const files = [
    { name: 'raw_data_2026W48.csv', contents: '\uFEFFservice,date\r\n' },
    { name: 'weekly_report_2026W48.pdf', contents: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
  ];

  it('delivers the files as attachments, authenticated with the password from the environment', async () => {
    const outcome = await mailReport(
      config(),
      { SMTP_PW: PASSWORD },
      { to: ['team@example.test'], report, locale: 'zh-CN', files },
    );
    expect(outcome).toEqual({ ok: true });
    const mail = received.at(-1)!;
    expect(mail.user).toBe('reporter');
    expect(mail.from).toBe('reports@example.test');
    expect(mail.to).toEqual(['team@example.test']);
    expect(mail.raw).toMatch(/filename="?raw_data_2026W48\.csv"?/);
    expect(mail.raw).toMatch(/filename="?weekly_report_2026W48\.pdf"?/);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/);
    expect(mail.raw).not.toContain(PASSWORD);
  });

  it('a rejected login is reported without the password', async () => {
    const wrong = `${PASSWORD}-wrong`;
    const outcome = await mailReport(
      config(),
      { SMTP_PW: wrong },
      { to: ['team@example.test'], report, locale: 'en', files },
    );
    expect(outcome.ok).toBe(false);
    const error = outcome.ok ? '' : outcome.error;
    expect(error).toMatch(/^127\.0\.0\.1:\d+: /);
    expect(error).not.toContain(wrong);
    expect(error).not.toContain(PASSWORD);
  });

  it('a configured user without the password variable is refused before connecting', async () => {
    const before = received.length;
    const outcome = await mailReport(config(), {}, { to: ['team@example.test'], report, locale: 'en', files });
    expect(outcome).toEqual({
      ok: false,
      error: 'report.mail.user is set but the environment variable SMTP_PW holding the SMTP password is empty',
    });
    expect(received.length).toBe(before);
  });
});
