import { stringAt } from '../../model/json.ts';
import type { TreeFinding, TreeRule } from '../rule.ts';

/**
 * Two dashboards with the same title in one folder freeze provisioning on Grafana 11/12 and take over each other's
 * row on 10.x (Grafana's `pkg/services/provisioning/dashboards/validator.go`). Grafana trims titles; this compares them trimmed and case-insensitively, as slugs
 * collide that way too.
 */
export const titleUniqueInFolder: TreeRule = {
  id: 'title-unique-in-folder',
  description: 'dashboard titles are unique within a folder',
  defaultSeverity: 'error',
  checkTree(docs) {
    const first = new Map<string, string>();
    const out: TreeFinding[] = [];
    for (const doc of docs) {
      const title = stringAt(doc.dashboard, 'title')?.trim();
      if (title === undefined || title === '') continue;
      const key = `${doc.folder ?? ''}\u0000${title.toLowerCase()}`;
      const owner = first.get(key);
      if (owner === undefined) {
        first.set(key, doc.file);
        continue;
      }
      out.push({
        file: doc.file,
        pointer: '/title',
        message: `title "${title}" is also used by ${owner} in folder ${doc.folder === undefined ? 'General' : `"${doc.folder}"`}; Grafana stops provisioning both`,
        fix: 'rename one of the dashboards or move it to another folder',
      });
    }
    return out;
  },
};
