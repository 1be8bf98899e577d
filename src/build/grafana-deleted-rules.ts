import { stringify } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import { isJsonObject, type JsonValue } from '../model/json.ts';

/**
 * The rules Grafana must delete, kept in one provisioning file ("tombstone") for as long as they stay deleted.
 *
 * Grafana keeps a file-provisioned alert rule until a `deleteRules` entry names it: a rule that merely disappears from
 * the files, or whose whole file disappears, stays and keeps firing (reference §5.5, grafana/grafana#67036). So every
 * rule uid an earlier build provisioned and this build does not is listed in `alerting/panelcraft-deleted-rules.yml`.
 * How long an entry lives follows from what Grafana does with it (grafana/grafana, pkg/services/provisioning/alerting):
 *
 * - A uid that no longer exists is harmless: `DeleteAlertRule` (ngalert/provisioning/alert_rules.go) reads the
 *   provenance (none for a missing rule, store `GetProvenance`), then runs `DeleteAlertRulesByUID`, a
 *   `DELETE … WHERE uid IN (…)` that affects no row; the code calls the single delete idempotent. So entries may stay
 *   after Grafana applied them, which they must: panelcraft cannot know when every Grafana that mounts the tree has
 *   reloaded (alerting files are read only at startup or on the reload API).
 * - Deletes are not a separate phase: `rules_provisioner.go` `Provision` walks the files in directory order
 *   (`os.ReadDir`, sorted by name, in `config_reader.go`) and, per file, upserts its groups and then runs its
 *   `deleteRules`. A uid deleted in one file and defined in another is not reported as a conflict; the outcome depends
 *   on the names: a tombstone sorting after the definition deletes the rule just provisioned, one sorting before it
 *   deletes and re-creates the rule on every reload (dropping its alert instances and history).
 * - Hence an entry lives until the uid is provisioned again (a restored or re-added rule) and no longer: a uid is never
 *   both defined and deleted in one build, so file order never matters. Uids that files panelcraft did not write define
 *   are never listed either.
 *
 * Not covered: a rule someone created in the UI with a uid panelcraft once used would be deleted (its provenance is
 * none); one created through the provisioning API (provenance `api`) makes the delete fail, and with it all alerting
 * provisioning. panelcraft's uids are slugs of its own paths, so neither is likely.
 */
export const DELETED_RULES_PATH = 'alerting/panelcraft-deleted-rules.yml';

/** A Grafana alert rule's identity in `deleteRules`. */
export interface RuleKey {
  readonly orgId: number;
  readonly uid: string;
}

/** The rule uids one alerting provisioning file defines (`groups[].rules[].uid`) and deletes (`deleteRules`). */
export interface AlertingFileRules {
  readonly provisioned: readonly RuleKey[];
  readonly deleted: readonly RuleKey[];
}

/** What `provisioning/alerting/` holds before a build. */
export interface GrafanaAlertingState {
  /** Files an earlier build wrote (listed in the manifest), by path below `provisioning/`. */
  readonly ours: ReadonlyMap<string, AlertingFileRules>;
  /** Rules that files panelcraft did not write define: never deleted by panelcraft. */
  readonly foreign: readonly RuleKey[];
  /** Files the manifest lists below `alerting/` that are gone from disk: what they held is unknown. */
  readonly lost: readonly string[];
}

export const EMPTY_ALERTING_STATE: GrafanaAlertingState = { ours: new Map(), foreign: [], lost: [] };

/** The rules a parsed alerting provisioning file defines and deletes; anything else in it is ignored. */
export function alertingFileRules(doc: unknown): AlertingFileRules {
  const provisioned: RuleKey[] = [];
  const deleted: RuleKey[] = [];
  if (!isJsonObject(doc as JsonValue)) return { provisioned, deleted };
  const { groups, deleteRules } = doc as Record<string, unknown>;
  if (Array.isArray(groups))
    for (const group of groups) {
      if (!isJsonObject(group) || !Array.isArray(group.rules)) continue;
      const orgId = orgOf(group.orgId);
      for (const rule of group.rules)
        if (isJsonObject(rule) && typeof rule.uid === 'string') provisioned.push({ orgId, uid: rule.uid });
    }
  if (Array.isArray(deleteRules))
    for (const entry of deleteRules)
      if (isJsonObject(entry) && typeof entry.uid === 'string')
        deleted.push({ orgId: orgOf(entry.orgId), uid: entry.uid });
  return { provisioned, deleted };
}

/** Grafana reads a missing or non-positive orgId as 1 (`mapRules`, alerting/types.go). */
function orgOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

const keyOf = (k: RuleKey) => `${k.orgId}\0${k.uid}`;

/**
 * The rules to delete after this build: every rule an earlier build provisioned or already deleted, minus the rules
 * this build provisions and those foreign files define. Sorted by org, then uid, so the file's bytes depend only on
 * the set.
 */
export function deletedRules(state: GrafanaAlertingState, provisioned: readonly RuleKey[]): RuleKey[] {
  const keep = new Set([...provisioned, ...state.foreign].map(keyOf));
  const out = new Map<string, RuleKey>();
  for (const file of state.ours.values())
    for (const key of [...file.provisioned, ...file.deleted]) if (!keep.has(keyOf(key))) out.set(keyOf(key), key);
  return [...out.values()].sort((a, b) => a.orgId - b.orgId || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** The tombstone file's contents, or `undefined` when nothing is to be deleted (then no file is written). */
export function renderDeletedRules(keys: readonly RuleKey[]): string | undefined {
  if (keys.length === 0) return undefined;
  const header =
    '# Generated by panelcraft — do not edit; run `npm run build:dashboards`.\n' +
    '# Alert rules that earlier builds provisioned and no alerts/ source defines any more. Grafana keeps such rules\n' +
    '# until a deleteRules entry names them; a uid that is already gone is a no-op. An entry stays until the rule is\n' +
    '# provisioned again (panelcraft docs/alerts.md, "Deleted rules").\n';
  const doc = { apiVersion: 1, deleteRules: keys.map(({ orgId, uid }) => ({ orgId, uid })) };
  return header + stringify(doc, { lineWidth: 0 });
}

/**
 * Errors for alerting files the manifest lists but the disk lacks, when what they held is needed: the tombstone
 * itself, or the file of a source that is gone (its rules can no longer be listed for deletion). A file this build
 * writes again is simply rewritten.
 */
export function lostStateDiagnostics(state: GrafanaAlertingState, written: ReadonlySet<string>): Diagnostic[] {
  return state.lost
    .filter((path) => path === DELETED_RULES_PATH || !written.has(path))
    .map((path) => ({
      rule: 'grafana-deleted-rules',
      severity: 'error' as const,
      file: `provisioning/${path}`,
      pointer: '',
      message:
        path === DELETED_RULES_PATH
          ? `provisioning/${path} was deleted, but an earlier build wrote it: it lists the alert rules Grafana must delete, and panelcraft cannot list them again, so Grafana would keep them`
          : `provisioning/${path} was deleted together with its source, so panelcraft cannot tell which alert rules it provisioned and list them in provisioning/${DELETED_RULES_PATH}; Grafana would keep them`,
      fix: `restore it from version control (\`git checkout -- provisioning/${path}\`) and build again; if no Grafana holds those rules any more, delete its line from provisioning/.panelcraft-manifest instead`,
    }));
}
