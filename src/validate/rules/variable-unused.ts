import { analysisFor, type DashboardRule } from '../rule.ts';
import { templateVariables } from '../template-variables.ts';

/** A declared variable no query, title, link, datasource, repeat or other variable uses is clutter. Ad hoc filters apply implicitly. */
export const variableUnused: DashboardRule = {
  id: 'variable-unused',
  description: 'every declared template variable is used',
  defaultSeverity: 'warning',
  check(doc, settings, analysis) {
    const { dashboard } = doc;
    const variables = templateVariables(dashboard);
    if (variables.length === 0) return [];
    const usedBy = new Map<string, Set<number>>();
    for (const { string: s, refs } of analysisFor(doc, settings, analysis).references) {
      const owner = s.pointer.startsWith('/templating/list/')
        ? /^\/templating\/list\/(\d+)(?:\/|$)/.exec(s.pointer)
        : null;
      for (const ref of refs) {
        const set = usedBy.get(ref.name) ?? new Set<number>();
        set.add(owner ? Number(owner[1]) : -1);
        usedBy.set(ref.name, set);
      }
    }
    const repeated = new Set(
      analysisFor(doc, settings, analysis)
        .panels.map((p) => p.panel.repeat)
        .filter((r): r is string => typeof r === 'string'),
    );
    return variables.flatMap((v) => {
      if (v.type === 'adhoc' || repeated.has(v.name)) return [];
      const users = usedBy.get(v.name);
      if (users && [...users].some((i) => i !== v.index)) return [];
      return [
        {
          pointer: v.pointer,
          message: `variable "${v.name}" is declared but no query, title, link or other variable uses it`,
          fix: `use it (e.g. a matcher ${v.name}=~"$${v.name}") or delete it from templating.list`,
        },
      ];
    });
  },
};
