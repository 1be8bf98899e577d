import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/report-config.ts';
import type { WeeklyReport } from '../report/report-model.ts';
import { REPORT_TEXTS, type ReportLocale } from '../report/report-text.ts';
import type { ReportFile } from './write-report-files.ts';

export interface MailRequest {
  readonly to: readonly string[];
  readonly report: WeeklyReport;
  readonly locale: ReportLocale;
  readonly files: readonly ReportFile[];
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** Replaces every occurrence of `secret` in `text` (errors from SMTP libraries may echo what was sent). */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

/**
 * Sends the report files as attachments over SMTP. The password comes only from the environment variable the
 * config names and never appears in a returned error.
 */
export async function mailReport(
  config: MailConfig,
  env: Readonly<Record<string, string | undefined>>,
  request: MailRequest,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const password = env[config.passwordEnv];
  if (config.user !== undefined && (password === undefined || password === '')) {
    return {
      ok: false,
      error: `report.mail.user is set but the environment variable ${config.passwordEnv} holding the SMTP password is empty`,
    };
  }
  const t = REPORT_TEXTS[request.locale];
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user !== undefined ? { auth: { user: config.user, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  const lines = [
    `${t.title} ${request.report.range.title} (${request.report.range.timeZone})`,
    `${t.verdict}: ${t.verdicts[request.report.verdict]}`,
    '',
    ...request.report.services.map((s) => `${s.job}: ${t.verdicts[s.verdict]}`),
  ];
  try {
    await transport.sendMail({
      from: config.from,
      to: [...request.to],
      subject: `${t.title} ${request.report.range.title}`,
      text: `${lines.join('\n')}\n`,
      attachments: request.files.map((f) => ({
        filename: f.name,
        content: typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents),
        contentType: CONTENT_TYPES[f.name.split('.').pop() ?? ''] ?? 'application/octet-stream',
      })),
    });
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      error: redact(`${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}`, password),
    };
  } finally {
    transport.close();
  }
}
