/** The npm scripts `init` adds: thin aliases of the CLI, so a project's scripts and the CLI never drift apart. */
export const INIT_SCRIPTS: Readonly<Record<string, string>> = {
  'build:dashboards': 'panelcraft build',
  dev: 'panelcraft dev',
  'lint:dashboards': 'panelcraft lint provisioning/dashboards',
  verify: 'panelcraft verify --prometheus http://localhost:9090',
  typecheck: 'tsc --noEmit',
};

export interface PackageVersions {
  /** panelcraft's own version, for the devDependency of a new package.json. */
  readonly panelcraft: string;
  /** The foundation SDK range panelcraft is tested with (its peer dependency). */
  readonly sdk: string;
  readonly typescript: string;
}

/** A new `package.json` for a folder that has none. */
export function newPackageJson(name: string, versions: PackageVersions): string {
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: { ...INIT_SCRIPTS },
    devDependencies: {
      '@grafana/grafana-foundation-sdk': versions.sdk,
      panelcraft: `^${versions.panelcraft}`,
      typescript: versions.typescript,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export type ScriptMerge =
  | { readonly ok: true; readonly text: string; readonly added: readonly string[]; readonly kept: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Adds the scripts an existing `package.json` lacks; a script the team already has is kept as it is, whatever it
 * runs. Keeps the file's indentation and key order; `text` is unchanged when nothing was added.
 */
export function addScripts(text: string): ScriptMerge {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg))
    return { ok: false, message: 'is not a JSON object' };
  const obj = pkg as Record<string, unknown>;
  const current = obj.scripts ?? {};
  if (typeof current !== 'object' || current === null || Array.isArray(current))
    return { ok: false, message: '"scripts" is not an object' };
  const scripts = { ...(current as Record<string, unknown>) };
  const added: string[] = [];
  const kept: string[] = [];
  for (const [name, command] of Object.entries(INIT_SCRIPTS)) {
    if (name in scripts) kept.push(name);
    else {
      scripts[name] = command;
      added.push(name);
    }
  }
  if (added.length === 0) return { ok: true, text, added, kept };
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const next = JSON.stringify({ ...obj, scripts }, null, indent);
  return { ok: true, text: `${next}${text.endsWith('\n') ? '\n' : ''}`, added, kept };
}
