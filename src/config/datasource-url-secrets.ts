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
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i.exec(url);
  if (userinfo) {
    const shown = url.replace(userinfo[0], `${userinfo[1]}***@`);
    const hasPassword = userinfo[2]!.includes(':');
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
      const shown = url.replace(/([?&][^=&#]+=)[^&#]*/g, (m, head: string) =>
        SECRET_PARAM.test(decodeSafe(head.slice(1, -1))) ? `${head}***` : m,
      );
      out.push({
        what: 'param',
        shown: redactUserinfo(shown),
        message: `datasource url "${redactUserinfo(shown)}" carries ${names.map((n) => `"${n}"`).join(', ')} in its query string; the token would be written to the committed datasource YAML`,
        fix:
          'remove it from the URL and let Grafana send it as a header: in the datasource provisioning, `jsonData.httpHeaderName1: Authorization` with ' +
          '`secureJsonData.httpHeaderValue1: "Bearer $PROMETHEUS_TOKEN"`, expanded by Grafana from its environment at startup',
      });
    }
  }
  return out;
}

function redactUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
