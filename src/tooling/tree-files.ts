import type { PanelcraftConfig } from '../config/config.ts';
import { DATASOURCE_FILE, PROVIDER_FILE, datasourceYaml, providerYaml } from '../build/provisioning-yaml.ts';
import type { JsonObject } from '../model/json.ts';
import type { OutputFile } from '../model/output-file.ts';
import { dashboardOutput } from '../build/dashboard-render.ts';

export { dashboardOutput };

export interface RenderedDashboard {
  /** The `.ts` source, relative to the root. */
  readonly source: string;
  readonly folder?: string;
  readonly uid: string;
  /** The dashboard as written: parsed from the output file's bytes on first use. */
  readonly dashboard: JsonObject;
  readonly output: string;
}

/** A dashboard of the build; its JSON is parsed from `contents()` when first read. */
export function renderedDashboard(
  place: { readonly file: string; readonly folder?: string; readonly uid: string },
  contents: () => string,
): RenderedDashboard {
  let parsed: JsonObject | undefined;
  return {
    source: place.file,
    ...(place.folder !== undefined ? { folder: place.folder } : {}),
    uid: place.uid,
    output: dashboardOutput(place.folder, place.uid),
    get dashboard() {
      parsed ??= JSON.parse(contents()) as JsonObject;
      return parsed;
    },
  };
}

/** The provisioning files of a build: the provider, the datasource and the dashboards, sorted by path. */
export function treeFiles(config: PanelcraftConfig, dashboards: readonly OutputFile[]): OutputFile[] {
  const files: OutputFile[] = [
    { path: PROVIDER_FILE, contents: providerYaml(config) },
    { path: DATASOURCE_FILE, contents: datasourceYaml(config) },
    ...dashboards,
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
