import { describe, expect, it } from 'vitest';
import {
  alertingFileRules,
  deletedRules,
  lostStateDiagnostics,
  renderDeletedRules,
  DELETED_RULES_PATH,
  type GrafanaAlertingState,
} from '../../src/build/grafana-deleted-rules.ts';

const k = (uid: string, orgId = 1) => ({ orgId, uid });

describe('grafana deleted rules', () => {
  it('reads rule uids and deleteRules of a provisioning file, with orgId defaulting to 1 as Grafana does', () => {
    const doc = {
      apiVersion: 1,
      groups: [
        { orgId: 2, name: 'g', rules: [{ uid: 'a' }, { title: 'no uid' }] },
        { name: 'h', rules: [{ uid: 'b' }] },
      ],
      deleteRules: [{ uid: 'c' }, { orgId: 0, uid: 'd' }, { orgId: '3', uid: 'e' }, { orgId: 1 }],
    };
    expect(alertingFileRules(doc)).toEqual({
      provisioned: [k('a', 2), k('b')],
      deleted: [k('c'), k('d'), k('e', 3)],
    });
    expect(alertingFileRules('not a document')).toEqual({ provisioned: [], deleted: [] });
  });

  it('deletes what was provisioned or deleted before, minus what is provisioned now or by foreign files; sorted', () => {
    const state: GrafanaAlertingState = {
      ours: new Map([
        ['alerting/a.yaml', { provisioned: [k('z'), k('y'), k('x')], deleted: [] }],
        [DELETED_RULES_PATH, { provisioned: [], deleted: [k('old'), k('y'), k('w', 2)] }],
      ]),
      foreign: [k('x')],
      lost: [],
    };
    expect(deletedRules(state, [k('y')])).toEqual([k('old'), k('z'), k('w', 2)]);
    // The same uid in another org is another rule.
    expect(deletedRules(state, [k('y'), k('w')])).toEqual([k('old'), k('z'), k('w', 2)]);
    expect(deletedRules({ ours: new Map(), foreign: [], lost: [] }, [k('a')])).toEqual([]);
  });

  it('writes no file when nothing is deleted, and a canonical one otherwise', () => {
    expect(renderDeletedRules([])).toBeUndefined();
    const text = renderDeletedRules([k('a'), k('b', 2)])!;
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      'apiVersion: 1',
      'deleteRules:',
      '  - orgId: 1',
      '    uid: a',
      '  - orgId: 2',
      '    uid: b',
      '',
    ]);
  });

  it('reports a lost tombstone always, a lost rule file only when no source writes it again', () => {
    const state: GrafanaAlertingState = {
      ours: new Map(),
      foreign: [],
      lost: [DELETED_RULES_PATH, 'alerting/gone.yaml', 'alerting/kept.yaml'],
    };
    const found = lostStateDiagnostics(state, new Set(['alerting/kept.yaml', DELETED_RULES_PATH]));
    expect(found.map((d) => [d.rule, d.severity, d.file])).toEqual([
      ['grafana-deleted-rules', 'error', `provisioning/${DELETED_RULES_PATH}`],
      ['grafana-deleted-rules', 'error', 'provisioning/alerting/gone.yaml'],
    ]);
  });
});
