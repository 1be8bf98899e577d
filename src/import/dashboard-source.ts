import type { JsonObject } from '../build/json.ts';
import { print } from './code.ts';
import { ImportList } from './import-list.ts';
import { planBuilder, type PlannedBuilder } from './plan-builder.ts';
import { SDK_CATALOG } from './sdk-catalog.ts';

export interface DashboardSource {
  readonly text: string;
  /** What the source builds (the dashboard completed with the SDK builders' defaults). */
  readonly value: JsonObject;
  /** Dotted paths of the dashboard's own fields kept through `withFields`. */
  readonly kept: readonly string[];
}

/**
 * The `.ts` source of an imported dashboard: a header naming the file it came from, then one foundation-SDK builder
 * chain (`new DashboardBuilder(…)`, a typed builder per panel, query and variable) as the default export. Fields no
 * builder method writes go through `withFields`. Pure: the same dashboard and source name give the same bytes.
 */
export function dashboardSource(dashboard: JsonObject, source: string): DashboardSource {
  const imports = new ImportList();
  const planned: PlannedBuilder | undefined = planBuilder(SDK_CATALOG.builders['dashboard.DashboardBuilder']!, dashboard, imports, false);
  if (!planned) throw new Error('the dashboard builder cannot express this dashboard');
  const body = `export default ${print(planned.code, 0, 'export default '.length, 1)};`;
  const text = [
    `// Imported by \`panelcraft import\` from ${commentSafe(JSON.stringify(source))}.`,
    '// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.',
    ...imports.lines(),
    '',
    body,
    '',
  ].join('\n');
  return { text, value: planned.value, kept: planned.kept };
}

/** A line comment ends at any line terminator, U+2028 and U+2029 included. */
function commentSafe(text: string): string {
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
