import { MAX_UID_LENGTH } from './uid.ts';

/**
 * The uid derived from a dashboard's path below `dashboards/`: `payments/overview.ts` → `payments-overview`.
 * Lowercase `[a-z0-9-]`, at most 40 characters; a path whose slug is longer keeps a readable prefix and ends in
 * 8 hex digits of a hash of the full path, so two long paths never collide by truncation. Never random: a rename
 * of the file is the only thing that changes it.
 */
export function stableUid(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.[cm]?tsx?$/i, '');
  const slug = slugify(withoutExt.split('/').join('-'));
  const base = slug === '' ? 'dashboard' : slug;
  if (base.length <= MAX_UID_LENGTH) return base;
  const hash = fnv1a32(withoutExt).toString(16).padStart(8, '0');
  const prefix = base.slice(0, MAX_UID_LENGTH - hash.length - 1).replace(/-+$/, '');
  return `${prefix}-${hash}`;
}

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
