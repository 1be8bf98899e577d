import { isImportPlaceholder } from '../import-placeholder-names.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';
import { findVariableRefs } from '../variable-refs.ts';

/** Grafana's schemaVersion 33 migration turns string datasources into `{type, uid}` refs (`apps/dashboard/pkg/migration/schemaversion/v33.go`). */
const REF_MIGRATION = 33;

export const datasourceString: DashboardRule = {
  id: 'datasource-string',
  description: 'datasource references are {type, uid} objects when schemaVersion ≥ 33',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const version = dashboard.schemaVersion;
    if (typeof version !== 'number' || version < REF_MIGRATION) return [];
    return analysisFor(doc, settings, analysis).datasourceRefs.flatMap(({ value, pointer, where }) => {
      if (typeof value !== 'string') return [];
      // `${DS_…}` is reported once by import-placeholders.
      if (findVariableRefs(value).some((r) => isImportPlaceholder(dashboard, r.name))) return [];
      return [
        {
          pointer,
          message:
            `${where} datasource is the string ${JSON.stringify(value)} with schemaVersion ${version}; the migration that ` +
            `turns names into {type, uid} references only runs below ${REF_MIGRATION}, so Grafana may not resolve it`,
          fix: 'write an object: {"type": "prometheus", "uid": "${datasource}"} (or the datasource\'s provisioned uid)',
        },
      ];
    });
  },
};
