import { isJsonObject, type JsonObject } from '../model/json.ts';

/** SMTP settings for mailing the report. The password is never in the file: only the name of the variable holding it. */
export interface MailConfig {
  readonly host: string;
  /** @default 587 (465 when `secure`) */
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. @default false */
  readonly secure: boolean;
  readonly user?: string;
  readonly from: string;
  /** Environment variable with the SMTP password. @default "PANELCRAFT_SMTP_PASSWORD" */
  readonly passwordEnv: string;
  /** Default recipients when `--mail-to` is not given. */
  readonly to: readonly string[];
}

/** `report:` in panelcraft.yaml. */
export interface ReportConfig {
  /** IANA zone the report's days and ISO weeks are counted in. @default "UTC" */
  readonly timezone: string;
  /** Request success objective (e.g. 0.999); when set, the report shows the error budget left. */
  readonly slo?: number;
  readonly mail?: MailConfig;
}

export const DEFAULT_REPORT_CONFIG: ReportConfig = { timezone: 'UTC' };

const REPORT_KEYS = ['timezone', 'slo', 'mail'];
const MAIL_KEYS = ['host', 'port', 'secure', 'user', 'from', 'passwordEnv', 'to'];

type Problem = (pointer: string, message: string, fix: string) => void;

/** Parses the `report` mapping; each problem is reported through `problem` and the default kept. */
export function parseReportConfig(raw: unknown, problem: Problem): ReportConfig {
  if (raw === undefined || raw === null) return DEFAULT_REPORT_CONFIG;
  if (!isJsonObject(raw)) {
    problem('/report', 'report must be a mapping', 'write `report: { timezone: Asia/Shanghai }`');
    return DEFAULT_REPORT_CONFIG;
  }
  for (const key of Object.keys(raw))
    if (!REPORT_KEYS.includes(key))
      problem(`/report/${key}`, `unknown report setting "${key}"`, `use one of ${REPORT_KEYS.join(', ')}`);
  let timezone = DEFAULT_REPORT_CONFIG.timezone;
  if (raw.timezone !== undefined) {
    if (typeof raw.timezone === 'string' && isZone(raw.timezone)) timezone = raw.timezone;
    else
      problem(
        '/report/timezone',
        `timezone ${JSON.stringify(raw.timezone)} is not an IANA time zone`,
        'write e.g. `timezone: Asia/Shanghai`',
      );
  }
  let slo: number | undefined;
  if (raw.slo !== undefined) {
    if (typeof raw.slo === 'number' && raw.slo > 0 && raw.slo < 1) slo = raw.slo;
    else
      problem(
        '/report/slo',
        `slo must be a share between 0 and 1 (exclusive), got ${JSON.stringify(raw.slo)}`,
        'write e.g. `slo: 0.999` for 99.9 % successful requests',
      );
  }
  const mail = raw.mail === undefined ? undefined : parseMail(raw.mail, problem);
  return { timezone, ...(slo !== undefined ? { slo } : {}), ...(mail ? { mail } : {}) };
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function parseMail(raw: unknown, problem: Problem): MailConfig | undefined {
  if (!isJsonObject(raw)) {
    problem(
      '/report/mail',
      'mail must be a mapping',
      'write `mail: { host: smtp.example.com, from: reports@example.com }`',
    );
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (!MAIL_KEYS.includes(key))
      problem(`/report/mail/${key}`, `unknown mail setting "${key}"`, `use one of ${MAIL_KEYS.join(', ')}`);
  if ('password' in raw)
    problem(
      '/report/mail/password',
      'the SMTP password must not be written in panelcraft.yaml',
      'remove it and set the variable named by passwordEnv (default PANELCRAFT_SMTP_PASSWORD)',
    );
  const str = (obj: JsonObject, key: string): string | undefined => {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    problem(
      `/report/mail/${key}`,
      `${key} must be a non-empty string, got ${JSON.stringify(v)}`,
      `quote it: ${key}: "…"`,
    );
    return undefined;
  };
  const host = str(raw, 'host');
  const from = str(raw, 'from');
  if (host === undefined) problem('/report/mail/host', 'mail needs the SMTP host', 'write `host: smtp.example.com`');
  if (from === undefined)
    problem('/report/mail/from', 'mail needs a sender address', 'write `from: reports@example.com`');
  const secure = raw.secure === undefined ? false : raw.secure;
  if (typeof secure !== 'boolean')
    problem(
      '/report/mail/secure',
      `secure must be true or false, got ${JSON.stringify(secure)}`,
      'write `secure: true` for port 465',
    );
  const port = raw.port === undefined ? (secure === true ? 465 : 587) : raw.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    problem('/report/mail/port', `port must be 1-65535, got ${JSON.stringify(port)}`, 'write e.g. `port: 587`');
  const toRaw = raw.to === undefined ? [] : Array.isArray(raw.to) ? raw.to : [raw.to];
  const to = toRaw.filter((t): t is string => typeof t === 'string' && t.includes('@'));
  if (to.length !== toRaw.length)
    problem('/report/mail/to', 'to must be a list of mail addresses', 'write `to: [team@example.com]`');
  const user = str(raw, 'user');
  const passwordEnv = str(raw, 'passwordEnv') ?? 'PANELCRAFT_SMTP_PASSWORD';
  if (host === undefined || from === undefined || typeof port !== 'number' || typeof secure !== 'boolean')
    return undefined;
  return { host, port, secure, from, passwordEnv, to, ...(user !== undefined ? { user } : {}) };
}
