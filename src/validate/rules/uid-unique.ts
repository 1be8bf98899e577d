import { stringAt } from '../../model/json.ts';
import type { TreeFinding, TreeRule } from '../rule.ts';

/** A uid used twice freezes every provider involved: Grafana stops writing their dashboards (Grafana's `pkg/services/provisioning/dashboards/validator.go` warns every 30 s). */
export const uidUnique: TreeRule = {
  id: 'uid-unique',
  description: 'every dashboard uid is unique across the tree',
  defaultSeverity: 'error',
  checkTree(docs) {
    const first = new Map<string, { file: string; derived: boolean }>();
    const out: TreeFinding[] = [];
    for (const doc of docs) {
      const uid = stringAt(doc.dashboard, 'uid');
      if (uid === undefined || uid === '') continue;
      const derived = doc.derivedUid === uid;
      const owner = first.get(uid);
      if (owner === undefined) {
        first.set(uid, { file: doc.file, derived });
        continue;
      }
      out.push({
        file: doc.file,
        pointer: '/uid',
        message: `uid "${uid}" is also used by ${owner.file}; Grafana flips between the two and then stops provisioning both`,
        fix: uniqueFix(uid, derived, owner.derived, doc.derivedUid !== undefined),
      });
    }
    return out;
  },
};

/** What to change, told truthfully: an explicit uid can be removed; one derived from a path was never set. */
function uniqueFix(uid: string, derived: boolean, ownerDerived: boolean, built: boolean): string {
  if (!built) return 'give one of them another uid';
  if (derived && ownerDerived)
    return "both uids come from the file paths (neither sets one): rename one of the files, or give one an explicit uid with `.uid('…')`";
  if (!derived)
    return `remove \`.uid('${uid}')\` from this dashboard so the uid is derived from its file path, or choose another uid`;
  return 'this uid comes from the file path: give the other dashboard another explicit uid, or rename this file';
}
