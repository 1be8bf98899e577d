import { spawnSync } from 'node:child_process';

/** True on CI runners (GitHub Actions sets both), where a missing tool is a failure, not a skip. */
export const inCi = process.env.CI === 'true' || process.env.GITHUB_ACTIONS === 'true';

/**
 * The first command line of `candidates` that runs (`<cmd> <probe…>` exits 0), or undefined.
 * Outside CI a missing tool only skips its tests, with a loud warning; in CI it throws, so the job fails.
 */
export function findTool(
  label: string,
  candidates: readonly (readonly string[])[],
  probe: readonly string[],
): string[] | undefined {
  for (const command of candidates) {
    const [bin, ...pre] = command;
    if (bin === undefined) continue;
    const result = spawnSync(bin, [...pre, ...probe], { encoding: 'utf8', timeout: 20_000 });
    if (result.error === undefined && result.status === 0) return [...command];
  }
  const message = `${label} not found (tried: ${candidates.map((c) => c.join(' ')).join(', ')})`;
  if (inCi) throw new Error(`${message}; CI must install it (see .github/workflows/ci.yml)`);
  console.warn(
    `\n!!! SKIPPING ${label} checks: ${message}. Install it to run them (Debian: apt-get install ${label}).\n`,
  );
  return undefined;
}
