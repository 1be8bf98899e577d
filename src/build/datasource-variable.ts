import { arrayAt, isJsonObject, objectAt, stringAt, type JsonObject, type JsonValue } from '../model/json.ts';
import { DATASOURCE_VARIABLE, variableDatasourceRef } from '../model/datasource-variable.ts';

/** The `datasource` template variable, defaulting to the provisioned Prometheus datasource. */
export function datasourceVariable(uid: string, name: string): JsonObject {
  return {
    current: { text: name, value: uid },
    hide: 0,
    includeAll: false,
    label: 'Data source',
    multi: false,
    name: DATASOURCE_VARIABLE,
    options: [],
    query: 'prometheus',
    refresh: 1,
    regex: '',
    skipUrlSync: false,
    type: 'datasource',
  };
}

/**
 * Makes sure `templating.list` of `dashboard` holds a `datasource` variable: adds one first in the list when missing,
 * and gives an existing one a current value when it has none. Changes `dashboard` (which the caller owns, templating
 * and variables included) and keeps its keys where they are; the list keeps only its objects.
 */
export function putDatasourceVariable(dashboard: JsonObject, uid: string, name: string): void {
  const templating = objectAt(dashboard, 'templating') ?? {};
  const list = arrayAt(templating, 'list').filter(isJsonObject);
  const index = list.findIndex((v) => stringAt(v, 'name') === DATASOURCE_VARIABLE);
  if (index === -1) list.unshift(datasourceVariable(uid, name));
  else {
    const existing = list[index]!;
    if (!isJsonObject(existing.current) || Object.keys(existing.current).length === 0)
      existing.current = { text: name, value: uid };
  }
  templating.list = list;
  dashboard.templating = templating;
}

/**
 * The datasource a panel or target should carry: missing/null/string-less prometheus refs point at the variable;
 * any explicit ref (another type, a built-in like `-- Mixed --`, a concrete uid) is kept as written.
 */
export function resolveDatasourceRef(ref: JsonValue | undefined): JsonValue {
  if (ref === undefined || ref === null) return variableDatasourceRef();
  if (isJsonObject(ref)) {
    const uid = stringAt(ref, 'uid');
    const type = stringAt(ref, 'type');
    if ((uid === undefined || uid === '') && (type === undefined || type === 'prometheus'))
      return variableDatasourceRef();
  }
  return ref;
}
