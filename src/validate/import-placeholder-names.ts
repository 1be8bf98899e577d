import { arrayAt, isJsonObject, stringAt, type JsonObject } from '../build/json.ts';
import { variableNames } from './template-variables.ts';

/**
 * Names that are import placeholders, not variables: `DS_*` and every `__inputs[].name`, unless the dashboard
 * really declares a template variable of that name.
 */
export function isImportPlaceholder(dashboard: JsonObject, name: string): boolean {
  if (variableNames(dashboard).has(name)) return false;
  if (/^DS_\w+$/.test(name)) return true;
  return arrayAt(dashboard, '__inputs').some((input) => isJsonObject(input) && stringAt(input, 'name') === name);
}
