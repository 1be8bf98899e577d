import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-cn.ts';

/** Languages panel titles and descriptions are written in. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Every catalog, keyed by locale. */
export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** Placeholder values when the caller passes none: the latency panel's default percentiles (alerts link to it by title). */
const DEFAULT_PARAMS: Readonly<Record<string, string>> = { percentiles: 'P50 / P95 / P99' };

/** The text for `key` in `locale`, with `{name}` placeholders replaced from `params`. */
export function text(locale: Locale, key: MessageKey, params: Readonly<Record<string, string>> = {}): string {
  const catalog = CATALOGS[locale] as (typeof CATALOGS)[Locale] | undefined;
  if (catalog === undefined) throw new Error(`locale ${JSON.stringify(locale)} is not one of ${LOCALES.join(', ')}`);
  const template = catalog[key];
  return template.replace(
    /(?<!\{)\{([a-zA-Z]+)\}(?!\})/g,
    (match, name: string) => params[name] ?? DEFAULT_PARAMS[name] ?? match,
  );
}

export type { MessageKey };
