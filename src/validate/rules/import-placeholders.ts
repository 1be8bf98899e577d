import type { Finding } from '../../model/diagnostic.ts';
import { isImportPlaceholder } from '../import-placeholder-names.ts';
import { analysisFor, type DashboardRule } from '../rule.ts';

const IMPORT_KEYS = ['__inputs', '__requires', '__elements'] as const;

/**
 * `__inputs`/`__requires` and `${DS_…}` placeholders belong to the UI's import dialog; file provisioning saves the file
 * verbatim and never resolves them (grafana/grafana#10786). One finding for the keys, one per distinct placeholder.
 */
export const importPlaceholders: DashboardRule = {
  id: 'import-placeholders',
  description: 'no __inputs/__requires/__elements and no ${DS_…} import placeholders',
  defaultSeverity: 'error',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const out: Finding[] = [];
    const keys = IMPORT_KEYS.filter((k) => k in dashboard);
    if (keys.length > 0) {
      out.push({
        pointer: `/${keys[0]}`,
        message:
          `dashboard has ${keys.map((k) => `"${k}"`).join(', ')}: it is an export for the UI's import dialog; file ` +
          'provisioning saves it verbatim and never resolves its inputs (grafana/grafana#10786)',
        fix: `delete ${keys.join(', ')} and reference the datasource through a datasource template variable: {"type": "prometheus", "uid": "\${datasource}"}`,
      });
    }
    const seen = new Map<string, { pointer: string; count: number }>();
    for (const { string: s, refs } of analysisFor(doc, settings, analysis).references) {
      const placeholders = refs.filter((ref) => isImportPlaceholder(dashboard, ref.name));
      if (placeholders.length === 0 || IMPORT_KEYS.some((k) => s.pointer === `/${k}` || s.pointer.startsWith(`/${k}/`)))
        continue;
      for (const ref of placeholders) {
        const entry = seen.get(ref.text);
        if (entry) entry.count++;
        else seen.set(ref.text, { pointer: s.pointer, count: 1 });
      }
    }
    for (const [text, { pointer, count }] of seen) {
      out.push({
        pointer,
        message:
          `"${text}" is an import placeholder (${count} ${count === 1 ? 'use' : 'uses'}); file provisioning leaves it as ` +
          `is and panels fail with "Datasource ${text} was not found"`,
        fix: 'replace it with a datasource variable reference "${datasource}" (a templating variable of type datasource, query prometheus) or a concrete {"type", "uid"}',
      });
    }
    return out;
  },
};
