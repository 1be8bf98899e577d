import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly name?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly dev?: boolean;
  readonly peer?: boolean;
  readonly optional?: boolean;
  readonly devOptional?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly [key: string]: unknown;
}

const REPO = path.resolve(import.meta.dirname, '..', '..');

/** The foundation SDK versions the peer range is tested at: lowest and highest, each installed in this repo. */
export function testedSdkVersions(): {
  oldest: { alias: string; version: string };
  newest: { alias: string; version: string };
} {
  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const at = (key: string) => lock.packages[`node_modules/${key}`]?.version ?? 'missing';
  return {
    oldest: { alias: '@grafana/grafana-foundation-sdk-oldest', version: at('@grafana/grafana-foundation-sdk-oldest') },
    newest: { alias: '@grafana/grafana-foundation-sdk', version: at('@grafana/grafana-foundation-sdk') },
  };
}

/**
 * Writes `package.json` and a `package-lock.json` for a consumer repository that installs the packed tarball and
 * the foundation SDK at `sdkAlias` (a name in this repo's lockfile, e.g. an `npm:` alias of an older SDK). The lock
 * is derived from this repository's own, so `npm ci --offline` resolves every package from the npm cache that
 * `npm ci` here filled: no registry is asked.
 */
export function writeConsumerPackage(dir: string, tarball: string, sdkAlias: string): void {
  const ours = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const sdk = ours.packages[`node_modules/${sdkAlias}`];
  if (!sdk?.version || !sdk.integrity) throw new Error(`${sdkAlias} is not in package-lock.json`);
  const sdkVersion = sdk.version;
  const tarballRef = `file:${path.relative(dir, tarball)}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;

  const packages: Record<string, LockEntry> = {};
  // What panelcraft needs at runtime (not dev-only in our lock), and the SDK with its own dependencies.
  const runtime = Object.entries(ours.packages).filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev);
  for (const [key, entry] of runtime) {
    const { dev, devOptional, ...rest } = entry;
    packages[key] = { ...rest, dev: true, ...(entry.optional || devOptional ? { optional: true } : {}) };
  }
  for (const dep of Object.keys(sdk.dependencies ?? {})) {
    const entry = ours.packages[`node_modules/${dep}`];
    if (entry) packages[`node_modules/${dep}`] = { ...entry, dev: true };
  }
  const { name: _alias, ...sdkEntry } = sdk;
  packages['node_modules/@grafana/grafana-foundation-sdk'] = {
    ...sdkEntry,
    resolved: `https://registry.npmjs.org/@grafana/grafana-foundation-sdk/-/grafana-foundation-sdk-${sdkVersion}.tgz`,
    dev: true,
  };
  packages['node_modules/panelcraft'] = {
    version: manifest.version,
    resolved: tarballRef,
    integrity,
    dev: true,
    license: 'Apache-2.0',
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines,
    peerDependencies: manifest.peerDependencies,
  };
  // The team's own TypeScript is the one panelcraft checks with (TypeScript 7, as `init` writes it): the same
  // package as panelcraft's `typescript-native` alias, so its platform binary is the one already in the lock.
  const native = ours.packages['node_modules/typescript-native'];
  if (!native?.version) throw new Error('typescript-native is not in package-lock.json');
  const { name: _typescript, ...nativeEntry } = native;
  packages['node_modules/typescript'] = { ...nativeEntry, dev: true };
  const devDependencies = {
    '@grafana/grafana-foundation-sdk': sdkVersion,
    panelcraft: tarballRef,
    typescript: native.version,
  };
  const pkg = { name: 'consumer', version: '1.0.0', private: true, type: 'commonjs', devDependencies };
  packages[''] = { name: 'consumer', version: '1.0.0', devDependencies };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

/** `npm pack` of this repository into `dir` (runs `prepare`, which compiles dist/); returns the tarball's path. */
export function packRepository(dir: string): { tarball: string; files: number; size: number } {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: REPO,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out) as Array<{ filename: string; size: number; entryCount: number }>;
  if (!info) throw new Error('npm pack printed no result');
  return { tarball: path.join(dir, info.filename), files: info.entryCount, size: info.size };
}
