/** Query parameters that carry credentials by convention (Grafana, Prometheus proxies, OAuth). */
const SECRET_PARAMS =
  /([?&](?:access_token|token|api_key|apikey|api-key|key|password|passwd|secret|auth|authorization|sig|signature)=)[^&#\s"'<>]*/gi;
/** `scheme://user:password@host` or `scheme://token@host`. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"'<>]+@/gi;

/**
 * Replaces every known secret, the user info of URLs and credential-like query parameters in `text` by `***`.
 * Secrets shorter than 3 characters are still replaced: leaking a short password is worse than an odd message.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const known = [...new Set(secrets.filter((s) => s !== ''))].sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.split(secret).join('***');
    // Encoded forms show up in URLs and in Basic auth.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('***');
  }
  return out.replace(URL_USERINFO, '$1***@').replace(SECRET_PARAMS, '$1***');
}

/** Where a URL carries credentials: `user info` and/or the names of credential-like query parameters. */
export function urlCredentials(url: string): { readonly userinfo: boolean; readonly params: readonly string[] } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { userinfo: /:\/\/[^/@\s]+@/.test(url), params: [] };
  }
  const params = [...parsed.searchParams.keys()].filter((k) => new RegExp(SECRET_PARAMS.source, 'i').test(`?${k}=x`));
  return { userinfo: parsed.username !== '' || parsed.password !== '', params: [...new Set(params)] };
}
