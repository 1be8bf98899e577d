import type { Convention } from '../conventions/convention.ts';
import type { Locale } from '../i18n/locale.ts';

/** What every preset takes. The target Grafana version is a build setting, not a preset option. */
export interface PresetOptions {
  /** Which metric and label names the service exposes. */
  readonly convention: Convention;
  /** Default value of the `job` variable. @default none: the first job Prometheus lists */
  readonly job?: string;
  /** Language of titles and descriptions. @default 'en' */
  readonly locale?: Locale;
  /** @default the preset's localized title */
  readonly title?: string;
  /** @default none: the build derives it from the file path */
  readonly uid?: string;
  /** Add a `cluster` variable and matcher, for federated or multi-cluster Prometheus. @default false */
  readonly cluster?: boolean;
}
