import type { JsonObject } from '../model/json.ts';
import { print } from './code.ts';
import { useSharedVariables } from './factor-variables.ts';
import { ImportList } from './import-list.ts';
import { markPanelcraftPanels, type PanelcraftMatch } from './panelcraft-calls.ts';
import { planBuilder, type PlannedBuilder } from './plan-builder.ts';
import type { RecognizedPanel } from './recognize-panels.ts';
import { SDK_CATALOG } from './sdk-catalog.ts';

export interface DashboardSource {
  readonly text: string;
  /** What the source builds (the dashboard completed with the SDK builders' defaults). */
  readonly value: JsonObject;
  /** Dotted paths of the dashboard's own fields kept through `withFields`. */
  readonly kept: readonly string[];
  /** Panels recognized as panelcraft's (commented, or replaced with `usePanelcraft`). */
  readonly panelcraft: readonly PanelcraftMatch[];
}

export interface SourceOptions {
  /** Recognizes panelcraft's own panels by their queries. */
  readonly recognize?: (panel: JsonObject) => RecognizedPanel | undefined;
  /** Write the panelcraft call instead of the panel's builder chain. */
  readonly usePanelcraft?: boolean;
  /** The variables come from a shared file (`--factor`): `.variables(name())`, imported from `from`. */
  readonly sharedVariables?: { readonly name: string; readonly from: string };
}

/**
 * The `.ts` source of an imported dashboard: a header naming the file it came from, then one foundation-SDK builder
 * chain (`new DashboardBuilder(…)`, a typed builder per panel, query and variable) as the default export. Fields no
 * builder method writes go through `withFields`. Pure: the same dashboard and source name give the same bytes.
 */
export function dashboardSource(dashboard: JsonObject, source: string, options: SourceOptions = {}): DashboardSource {
  const imports = new ImportList();
  const planned: PlannedBuilder | undefined = planBuilder(
    SDK_CATALOG.builders['dashboard.DashboardBuilder']!,
    dashboard,
    imports,
    false,
  );
  if (!planned) throw new Error('the dashboard builder cannot express this dashboard');
  const marked = options.recognize
    ? markPanelcraftPanels(planned.code, planned.value, options.recognize, options.usePanelcraft === true, imports)
    : { code: planned.code, matches: [] };
  const shared = options.sharedVariables;
  const code = shared ? useSharedVariables(marked.code, imports.local(shared.name, shared.from)) : marked.code;
  const body = `export default ${print(code, 0, 'export default '.length, 1)};`;
  const text = [
    `// Imported by \`panelcraft import\` from ${commentSafe(JSON.stringify(source))}.`,
    '// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.',
    ...imports.lines(body),
    '',
    body,
    '',
  ].join('\n');
  return { text, value: planned.value, kept: planned.kept, panelcraft: marked.matches };
}

/** A line comment ends at any line terminator, U+2028 and U+2029 included. */
function commentSafe(text: string): string {
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
