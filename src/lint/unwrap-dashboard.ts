import { isJsonObject, objectAt, type JsonObject, type JsonValue } from '../model/json.ts';

/** A problem with the file as a whole, before any rule runs. */
export interface FrontDoorFinding {
  readonly rule: 'not-a-dashboard' | 'dashboard-wrapped' | 'dashboard-v2';
  readonly severity: 'error' | 'warning';
  readonly pointer: string;
  readonly message: string;
  readonly fix: string;
}

/** The classic dashboard inside a file (if any), and what to say about how it was packaged. */
export interface Unwrapped {
  readonly dashboard?: JsonObject;
  /** Pointer of the dashboard inside the file (`/spec`, `/dashboard`), `''` at the root. */
  readonly at?: string;
  readonly findings: FrontDoorFinding[];
}

const DASHBOARD_KEYS = ['panels', 'rows', 'schemaVersion', 'templating', 'title', 'uid'];

/**
 * Finds the classic (v1) dashboard in a parsed file: at the root, in `{ "dashboard": … }` (API payloads and UI
 * exports with meta) or in a Kubernetes-style resource's `spec`. Grafana's file provisioning reads only the root
 * object (Grafana's `pkg/services/provisioning/dashboards/file_reader.go` and `types.go`: no title, so the file is skipped), so wrappers are reported; v2 resources cannot be checked as classic dashboards.
 * `grafana` is the target [major, minor].
 */
export function unwrapDashboard(value: JsonValue, grafana: readonly [number, number]): Unwrapped {
  if (!isJsonObject(value)) {
    const what = Array.isArray(value)
      ? `a JSON array (${value.length} items)`
      : value === null
        ? 'null'
        : `a JSON ${typeof value}`;
    return { findings: [notADashboard(`file holds ${what}, not a dashboard object`)] };
  }
  const v2From123 = grafana[0] > 12 || (grafana[0] === 12 && grafana[1] >= 3);
  if (typeof value.apiVersion === 'string' && typeof value.kind === 'string') {
    const spec = objectAt(value, 'spec');
    const apiVersion = value.apiVersion;
    if (!spec) return { findings: [notADashboard(`${value.kind} resource (${apiVersion}) has no "spec" object`)] };
    if (isV2(apiVersion, spec)) {
      return {
        findings: [
          {
            rule: 'dashboard-v2',
            severity: v2From123 ? 'warning' : 'error',
            pointer: '/spec',
            message: v2From123
              ? `dashboard is a v2 resource (${apiVersion}); Grafana 12.3+ provisions it, but panelcraft lint checks classic (v1) dashboards only, so no rule ran`
              : `dashboard is a v2 resource (${apiVersion}); file provisioning up to Grafana 12.2 cannot load it ("dashboard appears to be in v2 format")`,
            fix: 'export the dashboard in the "Classic" JSON format (or `panelcraft import` a classic export) and provision that',
          },
        ],
      };
    }
    return {
      dashboard: spec,
      at: '/spec',
      findings: [
        {
          rule: 'dashboard-wrapped',
          severity: 'error',
          pointer: '',
          message: `dashboard is wrapped in a ${value.kind} resource (${apiVersion}); file provisioning up to Grafana 12.2 reads the root object and skips it ("Dashboard title cannot be empty"). Rules ran on "spec"`,
          fix: 'save the value of "spec" as the file (the Classic export format)',
        },
      ],
    };
  }
  if (isJsonObject(value.dashboard) && typeof value.title !== 'string' && !Array.isArray(value.panels)) {
    const inner = value.dashboard;
    if (isV2('', inner)) return { findings: [bareV2('/dashboard')] };
    return {
      dashboard: inner,
      at: '/dashboard',
      findings: [
        {
          rule: 'dashboard-wrapped',
          severity: 'error',
          pointer: '',
          message:
            'dashboard is wrapped in {"dashboard": …} (an HTTP API payload); file provisioning reads the root object and skips the file ("Dashboard title cannot be empty"). Rules ran on "dashboard"',
          fix: 'save the value of "dashboard" as the file, without "meta", "folderId" or "overwrite"',
        },
      ],
    };
  }
  if (isV2('', value)) return { findings: [bareV2('')] };
  if (!DASHBOARD_KEYS.some((k) => k in value)) {
    const keys = Object.keys(value)
      .slice(0, 5)
      .map((k) => `"${k}"`)
      .join(', ');
    return {
      findings: [
        notADashboard(
          `object has none of ${DASHBOARD_KEYS.map((k) => `"${k}"`).join(', ')}${keys ? ` (it has ${keys})` : ' (it is empty)'}; Grafana would try to load it and log "Dashboard title cannot be empty"`,
        ),
      ],
    };
  }
  return { dashboard: value, findings: [] };
}

function isV2(apiVersion: string, spec: JsonObject): boolean {
  return /\/v2/.test(apiVersion) || ('elements' in spec && 'layout' in spec && !('panels' in spec));
}

function bareV2(pointer: string): FrontDoorFinding {
  return {
    rule: 'dashboard-v2',
    severity: 'error',
    pointer,
    message:
      'dashboard is a bare v2 spec ("elements" and "layout"); Grafana never provisions a v2 spec without its resource wrapper, and up to 12.2 not at all',
    fix: 'export the dashboard in the "Classic" JSON format and provision that',
  };
}

function notADashboard(message: string): FrontDoorFinding {
  return {
    rule: 'not-a-dashboard',
    severity: 'error',
    pointer: '',
    message,
    fix: 'lint only Grafana dashboard JSON files; keep other .json files out of provisioning/dashboards (Grafana reads every *.json there)',
  };
}
