import { stringAt } from '../../model/json.ts';
import type { TreeFinding, TreeRule } from '../rule.ts';

/** A uid used twice freezes every provider involved: Grafana stops writing their dashboards (Grafana's `pkg/services/provisioning/dashboards/validator.go` warns every 30 s). */
export const uidUnique: TreeRule = {
  id: 'uid-unique',
  description: 'every dashboard uid is unique across the tree',
  defaultSeverity: 'error',
  checkTree(docs) {
    const first = new Map<string, string>();
    const out: TreeFinding[] = [];
    for (const doc of docs) {
      const uid = stringAt(doc.dashboard, 'uid');
      if (uid === undefined || uid === '') continue;
      const owner = first.get(uid);
      if (owner === undefined) {
        first.set(uid, doc.file);
        continue;
      }
      out.push({
        file: doc.file,
        pointer: '/uid',
        message: `uid "${uid}" is also used by ${owner}; Grafana flips between the two and then stops provisioning both`,
        fix: 'give one of them another uid with `.uid(...)`, or remove the explicit uid so it is derived from the file path',
      });
    }
    return out;
  },
};
