import { slugify } from '../model/stable-uid.ts';

/** Longest file name (without `.ts`) an import picks; long titles keep a readable prefix. */
const MAX_NAME = 60;

/**
 * The `.ts` file name for an imported dashboard: the slug of its title, else of the input file's name, else
 * `dashboard` (`"Orders — API (prod)"` → `orders-api-prod.ts`). Pure.
 */
export function importFileName(title: string | undefined, inputFile: string): string {
  const base = inputFile.split(/[\\/]/).pop() ?? '';
  const fromFile = base.replace(/\.json$/i, '');
  const slug = [title ?? '', fromFile]
    .map((t) => slugify(t).slice(0, MAX_NAME).replace(/-+$/, ''))
    .find((s) => s !== '');
  return `${slug ?? 'dashboard'}.ts`;
}
