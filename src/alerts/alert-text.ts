import type { Locale } from '../i18n/locale.ts';
import { alertTextsEn, type AlertTextKey } from './texts-en.ts';
import { alertTextsZhCN } from './texts-zh-cn.ts';

const CATALOGS: Readonly<Record<Locale, Readonly<Record<AlertTextKey, string>>>> = {
  en: alertTextsEn,
  'zh-CN': alertTextsZhCN,
};

/** The alert text for `key` in `locale`, `{name}` placeholders filled from `params`; Go templates `{{ … }}` stay. */
export function alertText(locale: Locale, key: AlertTextKey, params: Readonly<Record<string, string>> = {}): string {
  return CATALOGS[locale][key].replace(/(?<!\{)\{([a-zA-Z]+)\}(?!\})/g, (match, name: string) => params[name] ?? match);
}

export type { AlertTextKey };
