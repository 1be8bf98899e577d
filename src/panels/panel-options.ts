import type { Convention } from '../conventions/convention.ts';
import { text, type Locale, type MessageKey } from '../i18n/locale.ts';
import { checkLocale } from './check-options.ts';
import type { QueryContext } from '../queries/query-context.ts';
import { scopeMatchers } from '../queries/scope.ts';
import type { Matchers } from '../queries/selector.ts';

/** Options every panel takes. */
export interface PanelOptions {
  /** Which metric and label names the service exposes. */
  readonly convention: Convention;
  /** Language of the title and description. @default 'en' */
  readonly locale?: Locale;
  /** Matchers every query keeps, from the dashboard variables. @default scopeMatchers() = job and instance */
  readonly scope?: Matchers;
  /** @default the localized title of the panel */
  readonly title?: string;
  /** @default the localized description of the panel (plus any fallback note) */
  readonly description?: string;
  /** Grid columns, 1-24. @default depends on the panel */
  readonly span?: number;
  /** Grid rows. @default 8 */
  readonly height?: number;
}

/** What a panel function works with once defaults are applied. */
export interface ResolvedPanel {
  readonly ctx: QueryContext;
  readonly locale: Locale;
  readonly title: string;
  readonly description: string;
  readonly span: number;
  readonly height: number;
  /** Localized text with `{name}` placeholders filled from `params`; `convention` is always available. */
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string>>) => string;
}

/** Texts and layout a panel falls back to when the caller leaves them out. */
export interface PanelDefaults {
  readonly titleKey: MessageKey;
  readonly descriptionKey: MessageKey;
  readonly span: number;
  readonly height?: number;
  /** Placeholder values for the default title and description. */
  readonly params?: Readonly<Record<string, string>>;
  /** A fallback note appended to the description (visible in the panel's info tooltip). */
  readonly note?: MessageKey;
}

/** Applies defaults and checks layout numbers; throws for programmer errors, naming the panel. */
export function resolvePanel(options: PanelOptions, defaults: PanelDefaults): ResolvedPanel {
  const locale = checkLocale(`panel "${options.title ?? defaults.titleKey}"`, options.locale);
  const base = { convention: options.convention.name, ...defaults.params };
  const t = (key: MessageKey, params: Readonly<Record<string, string>> = {}): string =>
    text(locale, key, { ...base, ...params });
  const title = options.title ?? t(defaults.titleKey);
  const span = options.span ?? defaults.span;
  const height = options.height ?? defaults.height ?? 8;
  if (!Number.isInteger(span) || span < 1 || span > 24)
    throw new Error(`panel "${title}": span must be an integer 1-24, got ${span}`);
  if (!Number.isInteger(height) || height < 1)
    throw new Error(`panel "${title}": height must be a positive integer, got ${height}`);
  const describedByDefault = t(defaults.descriptionKey);
  const note = defaults.note === undefined ? '' : `\n\n${t(defaults.note)}`;
  return {
    ctx: { convention: options.convention, scope: options.scope ?? scopeMatchers() },
    locale,
    title,
    description: (options.description ?? describedByDefault) + note,
    span,
    height,
    t,
  };
}
