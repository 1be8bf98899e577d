import { stringAt } from '../../model/json.ts';
import { slugify } from '../../model/stable-uid.ts';
import type { TreeFinding, TreeRule } from '../rule.ts';

/** Grafana 10.x rejects a dashboard whose title slug equals a folder's: "Dashboard name cannot be the same as folder". */
export const titleFolderClash: TreeRule = {
  id: 'title-folder-clash',
  description: 'no dashboard title equals a folder title',
  defaultSeverity: 'error',
  checkTree(docs) {
    const folders = new Map<string, string>();
    for (const doc of docs) if (doc.folder !== undefined) folders.set(slugify(doc.folder), doc.folder);
    const out: TreeFinding[] = [];
    for (const doc of docs) {
      const title = stringAt(doc.dashboard, 'title');
      if (title === undefined) continue;
      const folder = folders.get(slugify(title));
      if (folder === undefined || slugify(title) === '') continue;
      out.push({
        file: doc.file,
        pointer: '/title',
        message: `title "${title}" is the same as the folder "${folder}"; Grafana refuses it ("Dashboard name cannot be the same as folder")`,
        fix: `rename the dashboard (e.g. "${title} overview") or the folder`,
      });
    }
    return out;
  },
};
