import type { Diagnostic } from '../model/diagnostic.ts';
import { isJsonObject, type JsonValue } from '../model/json.ts';
import { compactCanonicalJson } from '../model/canonical-json.ts';
import type { DashboardRender, DashboardSummary } from './dashboard-render.ts';
import { sha256 } from './manifest.ts';

/**
 * Version of the cache's file formats and of what an entry means. Raise it whenever an entry or the record changes
 * shape, or a render from an older panelcraft could differ from a fresh one for a reason the key does not hold.
 */
export const CACHE_FORMAT = 'panelcraft-build-cache/1';

/** A file whose content decides a result, with the sha256 of its bytes (`MISSING` when it does not exist). */
export type InputHash = readonly [path: string, hash: string];

export const MISSING = 'missing';

/** Everything besides a dashboard's own files that decides its render. */
export interface CacheContext {
  readonly nodeMajor: number;
  readonly panelcraftVersion: string;
  /** Hash of panelcraft's own sources when it runs from them (this repository), else `undefined`. */
  readonly panelcraftSources?: string;
  /** Version of `@grafana/grafana-foundation-sdk` as dashboards resolve it, `undefined` when none resolves. */
  readonly sdkVersion?: string;
  /** Hashes of the project's lockfiles: another install may change any package a dashboard imports. */
  readonly lockfiles: readonly InputHash[];
  /** The effective configuration. */
  readonly config: unknown;
}

/** The part of every key that all dashboards of one build share. */
export function contextKey(context: CacheContext): string {
  return sha256(
    compactCanonicalJson({
      format: CACHE_FORMAT,
      node: context.nodeMajor,
      panelcraft: context.panelcraftVersion,
      panelcraftSources: context.panelcraftSources ?? null,
      sdk: context.sdkVersion ?? null,
      lockfiles: [...context.lockfiles].sort(byPath),
      config: context.config,
    }),
  );
}

/** The key of one dashboard source: the shared context, its path, and the content of every local file it imports. */
export function entryKey(context: string, source: string, inputs: readonly InputHash[]): string {
  const lines = [...inputs].sort(byPath).map(([p, h]) => `${h} ${p}`);
  return sha256(`${context}\n${source}\n${lines.join('\n')}`);
}

const byPath = (a: InputHash, b: InputHash) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** What an entry file holds besides the output bytes. `inputs` are the paths its key hashed (the hashes are not kept). */
export interface EntryHeader {
  readonly format: string;
  readonly key: string;
  readonly inputs: readonly string[];
  readonly render: Omit<DashboardRender, 'contents'>;
  /** UTF-8 length of the body (the output file's bytes). */
  readonly bytes: number;
}

/** An entry file: one line of JSON (the header), then the output file's bytes as they are. */
export function formatEntry(key: string, inputs: readonly string[], render: DashboardRender): string {
  return `${JSON.stringify(entryHeader(key, inputs, render))}\n${render.contents}`;
}

/** The header of the entry of `render` (what an entry file holds before the output's bytes). */
export function entryHeader(key: string, inputs: readonly string[], render: DashboardRender): EntryHeader {
  const { contents, ...rest } = render;
  return { format: CACHE_FORMAT, key, inputs: [...inputs], render: rest, bytes: Buffer.byteLength(contents, 'utf8') };
}

/** The header of an entry file's first line, if it is one of this format for `source`. */
export function parseEntryHeader(line: string, source: string): EntryHeader | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return checkEntryHeader(value, source);
}

/** `value` as an entry header for `source`, if it is one of this format (an entry file's first line, parsed). */
export function checkEntryHeader(value: unknown, source: string): EntryHeader | undefined {
  if (!isJsonObject(value)) return undefined;
  const h = value as Record<string, unknown>;
  if (h.format !== CACHE_FORMAT || typeof h.key !== 'string' || typeof h.bytes !== 'number') return undefined;
  if (!isStringArray(h.inputs)) return undefined;
  const r = h.render as Record<string, unknown> | undefined;
  if (!r || typeof r !== 'object' || r.file !== source) return undefined;
  if (typeof r.derivedUid !== 'string' || typeof r.uid !== 'string' || typeof r.sha256 !== 'string') return undefined;
  if (r.folder !== undefined && typeof r.folder !== 'string') return undefined;
  if (typeof r.treeChecked !== 'boolean' || !isSummary(r.summary)) return undefined;
  if (!Array.isArray(r.diagnostics) || !r.diagnostics.every(isDiagnostic)) return undefined;
  return h as unknown as EntryHeader;
}

/** The render an entry holds, if its body is complete and intact (its length and sha256 match the header). */
export function entryRender(header: EntryHeader, body: string): DashboardRender | undefined {
  if (Buffer.byteLength(body, 'utf8') !== header.bytes || sha256(body) !== header.render.sha256) return undefined;
  return { ...header.render, contents: body };
}

/** Whether an entry may be reused: its key, recomputed from the current content of the inputs it lists, is unchanged. */
export function entryIsFresh(
  header: EntryHeader,
  context: string,
  source: string,
  hashOf: (path: string) => string,
): boolean {
  return (
    entryKey(
      context,
      source,
      header.inputs.map((p) => [p, hashOf(p)] as const),
    ) === header.key
  );
}

/**
 * What the last build that found no errors read and produced: when every input still hashes the same, the next
 * build may take its result without loading, type-checking or rendering anything.
 */
export interface BuildRecord {
  readonly format: string;
  /** `contextKey` of that build, plus whether it type-checked. */
  readonly context: string;
  readonly typecheck: boolean;
  /** The dashboard sources, sorted. */
  readonly sources: readonly string[];
  /** Every file whose content decided the result (sources, what they import, type-check inputs), sorted by path. */
  readonly inputs: readonly InputHash[];
  /** Each dashboard: where it went and the key of the cache entry holding its bytes. */
  readonly dashboards: readonly RecordedDashboard[];
  /** The diagnostics of type-checking and rendering the dashboards, as produced (warnings only: it had no errors). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface RecordedDashboard {
  readonly file: string;
  readonly folder?: string;
  readonly uid: string;
  readonly sha256: string;
  readonly entry: string;
}

export function parseBuildRecord(text: string): BuildRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value as JsonValue)) return undefined;
  const r = value as Record<string, unknown>;
  if (r.format !== CACHE_FORMAT || typeof r.context !== 'string' || typeof r.typecheck !== 'boolean') return undefined;
  if (!isStringArray(r.sources)) return undefined;
  if (!Array.isArray(r.inputs) || !r.inputs.every((i) => Array.isArray(i) && i.length === 2 && isStringArray(i)))
    return undefined;
  if (!Array.isArray(r.diagnostics) || !r.diagnostics.every(isDiagnostic)) return undefined;
  if (!Array.isArray(r.dashboards)) return undefined;
  for (const d of r.dashboards as Record<string, unknown>[]) {
    if (!d || typeof d !== 'object') return undefined;
    if (typeof d.file !== 'string' || typeof d.uid !== 'string') return undefined;
    if (typeof d.sha256 !== 'string' || typeof d.entry !== 'string') return undefined;
    if (d.folder !== undefined && typeof d.folder !== 'string') return undefined;
  }
  return r as unknown as BuildRecord;
}

/**
 * Whether the recorded build is this one again: the same context and type-check setting, the same sources, and
 * every recorded input (and every input the caller found now) with the same hash.
 */
export function recordMatches(
  record: BuildRecord,
  now: {
    readonly context: string;
    readonly typecheck: boolean;
    readonly sources: readonly string[];
    readonly hashOf: (path: string) => string;
  },
): boolean {
  if (record.context !== now.context || record.typecheck !== now.typecheck) return false;
  if (record.sources.length !== now.sources.length || record.sources.some((s, i) => s !== now.sources[i])) return false;
  return record.inputs.every(([p, h]) => now.hashOf(p) === h);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isSummary(v: unknown): v is DashboardSummary {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDiagnostic(v: unknown): v is Diagnostic {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.rule === 'string' &&
    (d.severity === 'error' || d.severity === 'warning') &&
    typeof d.file === 'string' &&
    typeof d.pointer === 'string' &&
    typeof d.message === 'string' &&
    (d.panel === undefined || typeof d.panel === 'string') &&
    (d.fix === undefined || typeof d.fix === 'string') &&
    (d.line === undefined || typeof d.line === 'number') &&
    (d.column === undefined || typeof d.column === 'number')
  );
}
