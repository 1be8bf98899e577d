/** Credentials for one outbound target, never read from or written to committed files. */
export interface Credentials {
  /** The URL without user info (credentials move to a header). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Values to redact from every message. */
  readonly secrets: readonly string[];
}

/** A credential setting that cannot be used (a usage problem: exit 2). */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/**
 * Collects the credentials for `url`: `<prefix>_TOKEN` (bearer) or `<prefix>_USER` + `<prefix>_PASSWORD` (basic)
 * from the environment, user info in the URL (basic), and `--header "Name: value"` flags, which win.
 * e.g. prefix `PANELCRAFT_PROMETHEUS` reads `PANELCRAFT_PROMETHEUS_TOKEN`.
 */
export function collectCredentials(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  prefix: string,
  headerFlags: readonly string[] = [],
): Credentials {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CredentialsError(`"${url.replace(/\/\/[^/@\s]*@/, '//***@')}" is not a URL`);
  }
  const token = env[`${prefix}_TOKEN`];
  const user = env[`${prefix}_USER`];
  const password = env[`${prefix}_PASSWORD`];
  if (token && (user || password))
    throw new CredentialsError(`set either ${prefix}_TOKEN or ${prefix}_USER and ${prefix}_PASSWORD, not both`);
  if (password && !user) throw new CredentialsError(`${prefix}_PASSWORD is set but ${prefix}_USER is not`);
  if (token) {
    headers.authorization = `Bearer ${token}`;
    secrets.push(token);
  } else if (user) {
    headers.authorization = basic(user, password ?? '');
    if (password) secrets.push(password);
  }
  const userinfo = parsed.username !== '' || parsed.password !== '';
  if (userinfo) {
    const u = decodeURIComponent(parsed.username);
    const p = decodeURIComponent(parsed.password);
    if (!headers.authorization) headers.authorization = basic(u, p);
    if (p) secrets.push(p, parsed.password);
    else if (u) secrets.push(u, parsed.username); // a token as user name (`https://TOKEN@host`)
    parsed.username = '';
    parsed.password = '';
  }
  for (const flag of headerFlags) {
    const colon = flag.indexOf(':');
    const name = colon > 0 ? flag.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new CredentialsError(
        `--header must be "Name: value" (e.g. "Authorization: Bearer …"), got a value without a valid name`,
      );
    const value = flag.slice(colon + 1).trim();
    if (/[\r\n\0]/.test(value)) throw new CredentialsError(`--header "${name}" holds a line break or NUL`);
    headers[name.toLowerCase()] = value;
    secrets.push(value);
    const bearer = /^(?:bearer|basic|token)\s+(.+)$/i.exec(value);
    if (bearer) secrets.push(bearer[1]!);
  }
  if (headers.authorization) {
    const scheme = /^(?:bearer|basic)\s+(.+)$/i.exec(headers.authorization);
    if (scheme) secrets.push(scheme[1]!);
  }
  return { url: userinfo ? parsed.href : url, headers, secrets };
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
