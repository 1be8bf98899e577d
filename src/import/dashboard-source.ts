import type { JsonObject } from '../model/json.ts';
import { typescriptLiteral } from './typescript-literal.ts';

/**
 * The `.ts` source of an imported dashboard: a header naming the file it came from, then the dashboard as a typed
 * object literal that the loader takes as a built Dashboard. Exported JSON often strays from the SDK's types
 * (`gnetId` as a number, legacy panel fields), so the literal goes through `unknown`: it stays exactly what the file
 * said. Pure: the same dashboard and source name give the same bytes.
 */
export function dashboardSource(dashboard: JsonObject, source: string): string {
  return [
    `// Imported by \`panelcraft import\` from ${commentSafe(JSON.stringify(source))}.`,
    '// This file is now the source of the dashboard: edit it here and run `npm run build:dashboards`.',
    "import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';",
    '',
    `const dashboard: Dashboard = ${typescriptLiteral(dashboard, {}, 0, 'const dashboard: Dashboard = '.length)} as unknown as Dashboard;`,
    '',
    'export default dashboard;',
    '',
  ].join('\n');
}

/** A line comment ends at any line terminator, U+2028 and U+2029 included. */
function commentSafe(text: string): string {
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
