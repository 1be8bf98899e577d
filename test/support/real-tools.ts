import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Absolute path of an executable on PATH, or `undefined`. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Whether the real components a test needs are installed. Outside CI a missing tool skips the test with a loud
 * message; in CI (`CI=true`) it throws, because there the integration tests must run.
 */
export function realToolsAvailable(tools: readonly string[], gocodeDirs: readonly string[] = []): boolean {
  const missing = [
    ...tools.filter((t) => which(t) === undefined),
    ...gocodeDirs
      .filter((d) => {
        try {
          accessSync(path.join('/usr/share/gocode/src', d));
          return false;
        } catch {
          return true;
        }
      })
      .map((d) => `/usr/share/gocode/src/${d}`),
  ];
  if (missing.length === 0) return true;
  const message =
    `\n${'!'.repeat(78)}\n!! real-component integration tests SKIPPED: missing ${missing.join(', ')}\n` +
    `!! install with: apt-get install -y prometheus golang-go golang-github-prometheus-client-golang-dev \\\n` +
    `!!                 golang-github-gin-gonic-gin-dev golang-github-mcuadros-go-gin-prometheus-dev\n${'!'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${message}`);
  process.stderr.write(message);
  return false;
}
