import { UID_PATTERN } from '../../model/uid.ts';
import type { DashboardRule } from '../rule.ts';

/** Grafana rejects uids outside `^[A-Za-z0-9_-]{1,40}$` ("uid contains illegal characters", "uid too long"). */
export const uidFormat: DashboardRule = {
  id: 'uid-format',
  description: 'dashboard uid is 1–40 ASCII letters, digits, "-" or "_"',
  defaultSeverity: 'error',
  check({ dashboard }) {
    const uid = dashboard.uid;
    if (uid === undefined || uid === null || uid === '') {
      return [
        {
          pointer: '/uid',
          message:
            'dashboard has no uid: Grafana generates a random one per database, which breaks links between instances',
          fix: 'set a stable uid with `.uid("team-service-overview")`',
        },
      ];
    }
    if (typeof uid !== 'string')
      return [
        { pointer: '/uid', message: `uid must be a string, got ${JSON.stringify(uid)}`, fix: 'set uid to a string' },
      ];
    if (UID_PATTERN.test(uid)) return [];
    const why =
      uid.length > 40
        ? `is ${uid.length} characters long (Grafana allows 40)`
        : 'contains characters other than A-Z, a-z, 0-9, "-" and "_"';
    return [
      {
        pointer: '/uid',
        message: `uid "${uid}" ${why}; Grafana refuses to save it`,
        fix: 'use a shorter uid of letters, digits and "-", e.g. `.uid("payments-overview")`, or drop `.uid()` to derive it from the file path',
      },
    ];
  },
};
