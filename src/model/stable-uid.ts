import { MAX_UID_LENGTH } from './uid.ts';

/**
 * The uid derived from a dashboard's path below `dashboards/`: `payments/overview.ts` → `payments-overview`.
 * Lowercase `[a-z0-9-]`, at most 40 characters. The ASCII parts of the path stay readable; a hash of the full path
 * (8 hex digits) is added when the slug would lose letters, so paths that differ only there never collide:
 * - in characters outside ASCII: `支付/总览.ts` → `dashboard-…`, `订单/总览.ts` → `dashboard-…` (two uids),
 *   `payments/总览.ts` → `payments-…` (accents are folded, `café` → `cafe`, and need no hash);
 * - in length: a slug over 40 characters keeps a readable prefix.
 * Never random, and the same on every machine (the path is NFC-normalized first, as macOS stores NFD names).
 * A rename of the file is the only thing that changes it.
 */
export function stableUid(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.[cm]?tsx?$/i, '').normalize('NFC');
  const slug = slugify(withoutExt.split('/').join('-'));
  const base = slug === '' ? 'dashboard' : slug;
  if (base.length <= MAX_UID_LENGTH && !dropsLetters(withoutExt)) return base;
  const hash = fnv1a32(withoutExt).toString(16).padStart(8, '0');
  const prefix = base.slice(0, MAX_UID_LENGTH - hash.length - 1).replace(/-+$/, '');
  return `${prefix}-${hash}`;
}

/** Whether the slug drops characters that tell paths apart: any that are not ASCII once accents are folded away. */
function dropsLetters(text: string): boolean {
  return /[^ -~\t\n\r]/.test(foldAccents(text));
}

const foldAccents = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** Lowercase ASCII slug: runs of anything but `[a-z0-9]` become one `-`; no leading or trailing `-`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** 32-bit FNV-1a over UTF-16 code units: small, fast and stable across machines. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
