/** Query parameters that carry credentials by convention. */
const SECRET_PARAM =
  /^(?:access_token|token|api_key|apikey|api-key|key|password|passwd|secret|auth|authorization|sig|signature)$/i;

/** A credential found in a datasource URL, with the URL masked for the message. */
export interface UrlSecret {
  readonly what: 'userinfo' | 'param';
  /** The URL with the secret replaced by `***`. */
  readonly shown: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * Credentials in `datasource.url` would be written into `provisioning/datasources/*.yaml`, which is committed. Pure.
 * Grafana's way is `secureJsonData` with `$VAR` expansion from Grafana's own environment.
 */
export function datasourceUrlSecrets(url: string): UrlSecret[] {
  const out: UrlSecret[] = [];
  const shown = maskUrl(url);
  const userinfo = userinfoOf(url);
  if (userinfo !== undefined) {
    const hasPassword = userinfo.includes(':');
    out.push({
      what: 'userinfo',
      shown,
      message: `datasource url "${shown}" carries ${hasPassword ? 'a user name and password' : 'credentials'} (user info before "@"); they would be written to the committed datasource YAML`,
      fix:
        'remove them from the URL; set `datasource.basicAuthUser: <user>` and panelcraft writes `secureJsonData.basicAuthPassword: $PROMETHEUS_PASSWORD`, ' +
        'which Grafana expands from its own environment at startup (set PROMETHEUS_PASSWORD where Grafana runs, never in the repository)',
    });
  }
  const query = url.indexOf('?');
  if (query >= 0) {
    const params = url
      .slice(query + 1)
      .split('#')[0]!
      .split('&');
    const names = params.map((p) => decodeSafe(p.split('=')[0]!)).filter((name) => SECRET_PARAM.test(name));
    if (names.length > 0) {
      out.push({
        what: 'param',
        shown,
        message: `datasource url "${shown}" carries ${names.map((n) => `"${n}"`).join(', ')} in its query string; the token would be written to the committed datasource YAML`,
        fix:
          'remove it from the URL and let Grafana send it as a header: in the datasource provisioning, `jsonData.httpHeaderName1: Authorization` with ' +
          '`secureJsonData.httpHeaderValue1: "Bearer $PROMETHEUS_TOKEN"`, expanded by Grafana from its environment at startup',
      });
    }
  }
  return out;
}

/** The URL with user info and credential-like query parameters replaced by `***`. */
function maskUrl(url: string): string {
  const userinfo = userinfoOf(url);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  return (userinfo === undefined ? url : `${scheme}***@${url.slice(scheme.length + userinfo.length + 1)}`).replace(
    /([?&][^=&#]+=)[^&]*/g,
    (m, head: string) => (SECRET_PARAM.test(decodeSafe(head.slice(1, -1))) ? `${head}***` : m),
  );
}

/** What stands between `scheme://` and the last `@` before the path: user info, even with `#` or `?` unencoded. */
function userinfoOf(url: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return undefined;
  const rest = url.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const at = authority.lastIndexOf('@');
  return at < 0 ? undefined : authority.slice(0, at);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
