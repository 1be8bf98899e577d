import type { Locale } from '../i18n/locale.ts';

/** Metric conventions `init` can start a dashboard from, by the name the CLI flag takes. */
export const CONVENTION_IDS = ['client-golang', 'otel', 'gin'] as const;
export type ConventionId = (typeof CONVENTION_IDS)[number];

/** One service of the team: its dashboard goes to `dashboards/<name>/overview.ts` and filters on `job="<name>"`. */
export interface ServiceSpec {
  /** The Prometheus job name; also the dashboard folder. */
  readonly name: string;
  readonly convention: ConventionId;
  readonly locale: Locale;
}

/** Letters, digits, `.`, `_`, `-`; starts with a letter or digit. It names a folder and a Prometheus job. */
export const SERVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The function each convention id stands for in `panelcraft`'s exports. */
export const CONVENTION_FUNCTIONS: Readonly<Record<ConventionId, string>> = {
  'client-golang': 'clientGolang',
  otel: 'otel',
  gin: 'gin',
};

/** What is wrong with a service name, or undefined when it is fine. */
export function serviceNameProblem(name: string): string | undefined {
  if (SERVICE_NAME_PATTERN.test(name)) return undefined;
  return `service name ${JSON.stringify(name)} must be 1-63 letters, digits, ".", "_" or "-", starting with a letter or digit (it names a folder and the Prometheus job)`;
}
