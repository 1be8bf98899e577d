import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from './package-root.ts';

/**
 * What a bare import in a bundled file (`@grafana/…/dashboard`, `lodash`; not `panelcraft`, not `node:…`) resolves
 * to from that file's folder: a file of an npm package below node_modules, which stays external and is imported by
 * its absolute path (`external`), or whatever esbuild finds by itself (`native`: a local file through tsconfig
 * `paths` or package.json `imports`, a package reached through a symlink outside node_modules, a Node builtin, or
 * "Could not resolve").
 */
export type PackageResolution = { readonly external: string } | 'native';

/** The part of esbuild's plugin API that resolves. */
export type Resolver = Pick<esbuild.PluginBuild, 'resolve'>;

/**
 * External resolutions by root, kind, importing folder and name, kept for the life of the process and used while
 * their file is there: `dev` bundles on every save. A package installed meanwhile into a nearer node_modules is seen
 * after `dev` restarts, as Node keeps the package modules it imported anyway.
 */
const lasting = new Map<string, Map<string, string>>();

/**
 * The resolutions of bare imports during one load: npm packages from the importing file's folder first and from
 * panelcraft's own install second, so a project without its own node_modules still finds the foundation SDK.
 * Answers are cached: external ones for the process (`lasting`), the others for this load.
 */
export class PackageResolutions {
  private readonly external: Map<string, string>;
  private readonly pending = new Map<string, Promise<PackageResolution>>();
  /** Files of `external` seen to exist during this load. */
  private readonly present = new Set<string>();

  constructor(readonly root: string) {
    let known = lasting.get(root);
    if (!known) lasting.set(root, (known = new Map()));
    this.external = known;
  }

  /** How `spec` imported as `kind` from a file in `dir` resolves, asking `resolver` unless known. */
  resolve(resolver: Resolver, kind: esbuild.ImportKind, dir: string, spec: string): Promise<PackageResolution> {
    const key = `${kind}\0${dir}\0${spec}`;
    const known = this.external.get(key);
    if (known !== undefined && this.exists(known)) return Promise.resolve({ external: known });
    let found = this.pending.get(key);
    if (!found) {
      found = resolvePackage(resolver, kind, dir, spec);
      this.pending.set(key, found);
      void found.then((r) => {
        if (r !== 'native') this.external.set(key, r.external);
      });
    }
    return found;
  }

  /**
   * Each bare name that every known resolution of this root sends to one and the same package file, with that file:
   * what esbuild's `alias` may map it to. A name known to resolve to two files (from two folders, or as `import` and
   * `require`) has no alias.
   */
  aliases(): Map<string, string> {
    const targets = new Map<string, Set<string>>();
    for (const [key, file] of this.external) {
      if (!this.exists(file)) continue;
      const spec = key.slice(key.lastIndexOf('\0') + 1);
      let files = targets.get(spec);
      if (!files) targets.set(spec, (files = new Set()));
      files.add(file);
    }
    const out = new Map<string, string>();
    for (const [spec, files] of targets) if (files.size === 1) out.set(spec, [...files][0]!);
    return out;
  }

  private exists(file: string): boolean {
    if (this.present.has(file)) return true;
    if (!existsSync(file)) return false;
    this.present.add(file);
    return true;
  }
}

/** Resolves with esbuild from `dir`, then from panelcraft's install; a hit outside node_modules is esbuild's own. */
async function resolvePackage(
  resolver: Resolver,
  kind: esbuild.ImportKind,
  dir: string,
  spec: string,
): Promise<PackageResolution> {
  for (const resolveDir of [dir, PACKAGE_ROOT]) {
    const found = await resolver.resolve(spec, { kind, resolveDir, pluginData: 'nested' });
    if (found.errors.length === 0 && found.path) {
      return found.external || !found.path.includes(`${path.sep}node_modules${path.sep}`)
        ? 'native'
        : { external: found.path };
    }
  }
  return 'native'; // esbuild reports "Could not resolve"
}
