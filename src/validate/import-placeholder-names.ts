import { isJsonObject, stringAt, type JsonObject } from '../model/json.ts';
import { variableNames } from './template-variables.ts';

/**
 * Names that are import placeholders, not variables: `DS_*` and every `__inputs[].name`, unless the dashboard
 * really declares a template variable of that name.
 */
export function isImportPlaceholder(dashboard: JsonObject, name: string): boolean {
  // The cheap tests first: most names are neither, and this runs for every variable reference of a dashboard.
  const inputs = dashboard.__inputs; // read directly: arrayAt would make an empty array per reference
  const looksLikeOne =
    /^DS_\w+$/.test(name) ||
    (Array.isArray(inputs) && inputs.some((input) => isJsonObject(input) && stringAt(input, 'name') === name));
  return looksLikeOne && !variableNames(dashboard).has(name);
}
