import type { JsonObject } from './json.ts';

/** Name of the template variable every built dashboard gets: the Prometheus datasource to query. */
export const DATASOURCE_VARIABLE = 'datasource';
/** How panels and targets refer to that variable. */
export const DATASOURCE_REF = `\${${DATASOURCE_VARIABLE}}`;

/** The reference panels and targets use: the dashboard's `datasource` variable, typed prometheus. */
export function variableDatasourceRef(): JsonObject {
  return { type: 'prometheus', uid: DATASOURCE_REF };
}
