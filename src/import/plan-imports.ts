import { stringAt, type JsonObject } from '../model/json.ts';
import { normalizeDashboard } from '../build/normalize-dashboard.ts';
import { DEFAULT_CONFIG } from '../config/config.ts';
import { DASHBOARDS_DIR } from '../model/project-layout.ts';
import { stableUid } from '../model/stable-uid.ts';
import { parseJsonSource } from '../lint/parse-json-source.ts';
import { dashboardSource } from './dashboard-source.ts';
import { importDashboard } from './import-dashboard.ts';
import type { ImportFinding } from './import-finding.ts';
import type { PanelOutcome } from './migrations/upgrade-panels.ts';
import { importFileName } from './import-target.ts';
import { panelRecognizer } from './recognize-panels.ts';
import { factorVariables, type SharedVariables } from './factor-variables.ts';

/** One input file: its path as shown to the user (and named in the header comment) and its text. */
export interface ImportInput {
  readonly file: string;
  readonly text: string;
}

export interface ImportOptions {
  /** Output folder as shown to the user: posix, relative to the project root when inside it (`dashboards/payments`). */
  readonly outDir: string;
  /** Target Grafana [major, minor]. */
  readonly grafana: readonly [number, number];
  /** The provisioned Prometheus datasource the build's `datasource` variable selects. @default DEFAULT_CONFIG.datasource */
  readonly datasource?: { readonly uid: string; readonly name: string };
  /** Write `requestRate({ convention: clientGolang() })` for panels recognizably panelcraft's. @default false */
  readonly usePanelcraft?: boolean;
  /** Write a variable set two or more of the dashboards share once, under dashboards/_lib/. @default false */
  readonly factor?: boolean;
}

/** What one input becomes; `output` and `contents` are set when it can be imported. */
export interface ImportEntry {
  readonly source: string;
  /** Posix path of the `.ts` file to write (`outDir/<slug>.ts`). */
  readonly output?: string;
  readonly contents?: string;
  /** The dashboard's uid: kept from the file, or what the build will derive from `output`. */
  readonly uid?: string;
  readonly uidDerived?: boolean;
  readonly findings: ImportFinding[];
  /** What happened to each panel: upgraded, kept, or kept and named as not upgradable. */
  readonly panels?: readonly PanelOutcome[];
}

/**
 * Imports every input in memory: parse, clean up, pick a file name, render the source. Two inputs that would write
 * the same file are both errors. Pure; writing (and refusing to overwrite) is the shell's job.
 */
export function planImports(inputs: readonly ImportInput[], options: ImportOptions): ImportEntry[] {
  const outDir = options.outDir.replace(/\/+$/, '') || '.';
  const place = placeFindings(outDir);
  const recognize = inputs.length > 0 ? panelRecognizer() : () => undefined;
  const factored =
    options.factor === true
      ? factorInputs(inputs, options, outDir)
      : { shared: [], usedBy: new Map<number, SharedVariables>() };
  const entries = inputs.map((input, index): ImportEntry => {
    const parsed = parseJsonSource(input.text);
    if (!parsed.ok)
      return {
        source: input.file,
        findings: [
          { kind: 'error', rule: 'json-invalid', pointer: '', message: parsed.message.replace(/; Grafana .*$/, '') },
        ],
      };
    const imported = importDashboard(parsed.value, options.grafana);
    if (!imported.ok) return { source: input.file, findings: imported.findings };
    const { dashboard } = imported;
    const output = `${outDir === '.' ? '' : `${outDir}/`}${importFileName(stringAt(dashboard, 'title'), input.file)}`;
    const kept = stringAt(dashboard, 'uid')?.trim();
    const derived = output.startsWith(`${DASHBOARDS_DIR}/`)
      ? stableUid(output.slice(DASHBOARDS_DIR.length + 1))
      : undefined;
    const uidNote: ImportFinding =
      kept !== undefined && kept !== ''
        ? { kind: 'note', pointer: '/uid', message: `kept uid ${JSON.stringify(kept)}` }
        : {
            kind: 'note',
            pointer: '/uid',
            message: `the dashboard has no uid; the build derives it from the path${derived ? `: "${derived}"` : ''} (set "uid" to pin it)`,
          };
    const generated = dashboardSource(asBuilt(dashboard, derived, options), headerName(input.file), {
      recognize,
      usePanelcraft: options.usePanelcraft === true,
      ...(factored.usedBy.has(index) ? { sharedVariables: factored.usedBy.get(index)! } : {}),
    });
    const ours = generated.panelcraft.map(
      (m): ImportFinding => ({
        kind: 'note',
        pointer: m.pointer,
        panel: m.title,
        message: m.replaced
          ? `written as panelcraft's ${m.recognized.call} (its current title, texts and thresholds replace the file's)`
          : `recognizably panelcraft's ${m.recognized.call}: same queries; --use-panelcraft writes that call`,
      }),
    );
    return {
      source: input.file,
      output,
      contents: generated.text,
      ...(kept ? { uid: kept, uidDerived: false } : derived ? { uid: derived, uidDerived: true } : {}),
      findings: [...imported.findings, ...ours, uidNote, ...place],
      panels: imported.panels,
    };
  });
  for (const shared of factored.shared) {
    entries.push({
      source: `${shared.name}() (--factor)`,
      output: shared.path,
      contents: shared.contents,
      findings: [
        {
          kind: 'note',
          pointer: '',
          message: `the variables ${shared.users.length} dashboards share, written once: ${shared.users.join(', ')}`,
        },
      ],
    });
  }
  const firstFor = new Map<string, string>();
  return entries.map((entry) => {
    if (entry.output === undefined) return entry;
    const first = firstFor.get(entry.output);
    if (first === undefined) {
      firstFor.set(entry.output, entry.source);
      return entry;
    }
    return {
      source: entry.source,
      findings: [
        ...entry.findings,
        {
          kind: 'error',
          rule: 'import-collision',
          pointer: '',
          message: `${first} is imported to ${entry.output} too; import one of them into another --out folder (or change its title)`,
        },
      ],
    };
  });
}

/**
 * The dashboard as the build will write it (the `datasource` variable, panel ids, refIds, target datasources,
 * layout), so that importing the built output gives the same source again. `uid` stays out when it is the one the
 * build derives from the path; `schemaVersion` and `editable` always do (the build sets them from the config).
 */
export function asBuilt(dashboard: JsonObject, derivedUid: string | undefined, options: ImportOptions): JsonObject {
  const { uid, name } = options.datasource ?? DEFAULT_CONFIG.datasource;
  const placeholder = derivedUid ?? '';
  const built = normalizeDashboard(dashboard, {
    fallbackUid: placeholder,
    schemaVersion: 0,
    editable: true,
    datasourceUid: uid,
    datasourceName: name,
  });
  delete built.schemaVersion;
  delete built.editable;
  if (built.uid === placeholder) delete built.uid;
  return built;
}

/** The dashboards as they will be written, for --factor (only into dashboards/<folder>, where ../_lib/ is the shared folder). */
function factorInputs(
  inputs: readonly ImportInput[],
  options: ImportOptions,
  outDir: string,
): ReturnType<typeof factorVariables> {
  const folder = /^dashboards\/([^/]+)$/.exec(outDir)?.[1];
  const prepared: { dashboard: JsonObject; output: string }[] = [];
  const indexOf: number[] = [];
  inputs.forEach((input, i) => {
    const parsed = parseJsonSource(input.text);
    const imported = parsed.ok && folder !== undefined ? importDashboard(parsed.value, options.grafana) : undefined;
    if (!imported?.ok) return;
    const output = `${outDir}/${importFileName(stringAt(imported.dashboard, 'title'), input.file)}`;
    prepared.push({
      dashboard: asBuilt(imported.dashboard, stableUid(output.slice(DASHBOARDS_DIR.length + 1)), options),
      output,
    });
    indexOf.push(i);
  });
  const result = factorVariables(prepared, folder ?? '');
  return { shared: result.shared, usedBy: new Map([...result.usedBy].map(([k, v]) => [indexOf[k]!, v])) };
}

/** The build loads `dashboards/<folder>/<name>.ts`: say when `--out` is somewhere it will not look. */
function placeFindings(outDir: string): ImportFinding[] {
  const parts = outDir.split('/');
  if (parts[0] !== DASHBOARDS_DIR) {
    return [
      {
        kind: 'warning',
        rule: 'import-location',
        pointer: '',
        message: `${outDir}/ is outside ${DASHBOARDS_DIR}/; \`panelcraft build\` only loads ${DASHBOARDS_DIR}/<folder>/*.ts, so move the file there`,
      },
    ];
  }
  if (parts.slice(1).some((p) => p.startsWith('_'))) {
    return [
      {
        kind: 'warning',
        rule: 'import-location',
        pointer: '',
        message: `${outDir}/ is shared code (a folder starting with "_"); the build never loads dashboards from it`,
      },
    ];
  }
  if (parts.length > 2) {
    return [
      {
        kind: 'warning',
        rule: 'folder-depth',
        pointer: '',
        message: `${outDir}/ is ${parts.length - 1} folders below ${DASHBOARDS_DIR}/; Grafana ≤ 12 keeps one folder level and the build reports it as an error: use ${DASHBOARDS_DIR}/<folder>`,
      },
    ];
  }
  return [];
}

/** The header names the input as given, but never a machine's absolute path: the source must build the same everywhere. */
function headerName(file: string): string {
  return /^([A-Za-z]:)?[\\/]/.test(file) ? (file.split(/[\\/]/).pop() ?? file) : file;
}
