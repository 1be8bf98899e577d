import { arrayAt, isJsonObject, objectAt, stringAt, type JsonObject } from '../model/json.ts';
import { pointer } from '../model/json-pointer.ts';

/** One entry of `templating.list`. */
export interface TemplateVariable {
  readonly name: string;
  readonly type: string | undefined;
  readonly variable: JsonObject;
  readonly pointer: string;
  readonly index: number;
}

/** The dashboard's template variables that have a string name, in order. */
export function templateVariables(dashboard: JsonObject): TemplateVariable[] {
  const templating = objectAt(dashboard, 'templating');
  if (!templating) return [];
  const out: TemplateVariable[] = [];
  arrayAt(templating, 'list').forEach((variable, index) => {
    if (!isJsonObject(variable)) return;
    const name = stringAt(variable, 'name');
    if (name === undefined || name === '') return;
    out.push({
      name,
      type: stringAt(variable, 'type'),
      variable,
      pointer: pointer('templating', 'list', index),
      index,
    });
  });
  return out;
}

/** Names of the declared variables. */
export function variableNames(dashboard: JsonObject): Set<string> {
  return new Set(templateVariables(dashboard).map((v) => v.name));
}
