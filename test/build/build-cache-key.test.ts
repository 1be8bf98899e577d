import { describe, expect, it } from 'vitest';
import {
  type BuildRecord,
  CACHE_FORMAT,
  type CacheContext,
  contextKey,
  entryIsFresh,
  entryKey,
  entryRender,
  formatEntry,
  parseBuildRecord,
  parseEntryHeader,
  recordMatches,
} from '../../src/build/build-cache-key.ts';
import type { DashboardRender } from '../../src/build/dashboard-render.ts';
import { sha256 } from '../../src/build/manifest.ts';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';

const context: CacheContext = {
  nodeMajor: 20,
  panelcraftVersion: '0.1.0',
  sdkVersion: '0.0.21',
  lockfiles: [['package-lock.json', 'aa']],
  config: DEFAULT_CONFIG,
};

const contents = '{\n  "title": "Home — Übersicht"\n}\n';
const render: DashboardRender = {
  file: 'dashboards/ops/home.ts',
  folder: 'ops',
  derivedUid: 'ops-home',
  uid: 'ops-home',
  contents,
  sha256: sha256(contents),
  diagnostics: [
    {
      rule: 'panel-description',
      severity: 'warning',
      file: 'dashboards/ops/home.ts',
      pointer: '/panels/0',
      panel: 'CPU',
      message: 'm',
      fix: 'f',
    },
  ],
  summary: { title: 'Home — Übersicht', uid: 'ops-home' },
  treeChecked: true,
};

describe('contextKey', () => {
  it('changes with each part it holds, and not with key order of the config', () => {
    const base = contextKey(context);
    expect(contextKey({ ...context })).toBe(base);
    expect(contextKey({ ...context, config: { ...DEFAULT_CONFIG } })).toBe(base);
    expect(contextKey({ ...context, lockfiles: [...context.lockfiles] })).toBe(base);
    const changed = [
      { ...context, nodeMajor: 22 },
      { ...context, panelcraftVersion: '0.2.0' },
      { ...context, panelcraftSources: 'abc' },
      { ...context, sdkVersion: '0.0.12' },
      { ...context, lockfiles: [['package-lock.json', 'bb'] as const] },
      { ...context, config: { ...DEFAULT_CONFIG, editable: !DEFAULT_CONFIG.editable } },
    ].map(contextKey);
    expect(new Set([base, ...changed]).size).toBe(7);
  });
});

describe('entryKey', () => {
  it('depends on the context, the source path and each input content, not on the order of inputs', () => {
    const k = entryKey('c', 'dashboards/a.ts', [
      ['dashboards/a.ts', '1'],
      ['dashboards/_lib/x.ts', '2'],
    ]);
    expect(
      entryKey('c', 'dashboards/a.ts', [
        ['dashboards/_lib/x.ts', '2'],
        ['dashboards/a.ts', '1'],
      ]),
    ).toBe(k);
    expect(
      entryKey('d', 'dashboards/a.ts', [
        ['dashboards/a.ts', '1'],
        ['dashboards/_lib/x.ts', '2'],
      ]),
    ).not.toBe(k);
    expect(
      entryKey('c', 'dashboards/b.ts', [
        ['dashboards/a.ts', '1'],
        ['dashboards/_lib/x.ts', '2'],
      ]),
    ).not.toBe(k);
    expect(
      entryKey('c', 'dashboards/a.ts', [
        ['dashboards/a.ts', '1'],
        ['dashboards/_lib/x.ts', '3'],
      ]),
    ).not.toBe(k);
    expect(entryKey('c', 'dashboards/a.ts', [['dashboards/a.ts', '1']])).not.toBe(k);
  });
});

describe('entries', () => {
  const key = entryKey('ctx', render.file, [[render.file, 'h1']]);
  const text = formatEntry(key, [render.file], render);
  const split = (t: string) => [t.slice(0, t.indexOf('\n')), t.slice(t.indexOf('\n') + 1)] as const;

  it('round-trip: the render read back equals the render stored, diagnostics included', () => {
    const [line, body] = split(text);
    const header = parseEntryHeader(line, render.file)!;
    expect(header.key).toBe(key);
    expect(header.inputs).toEqual([render.file]);
    expect(entryRender(header, body)).toEqual(render);
  });

  it('is fresh only while every listed input hashes as when it was stored', () => {
    const header = parseEntryHeader(split(text)[0], render.file)!;
    expect(entryIsFresh(header, 'ctx', render.file, () => 'h1')).toBe(true);
    expect(entryIsFresh(header, 'ctx', render.file, () => 'h2')).toBe(false);
    expect(entryIsFresh(header, 'other', render.file, () => 'h1')).toBe(false);
  });

  it('refuses a foreign, older, truncated or corrupt entry, or one for another source', () => {
    const [line, body] = split(text);
    expect(parseEntryHeader(line, 'dashboards/ops/other.ts')).toBeUndefined();
    expect(parseEntryHeader(line.replace(CACHE_FORMAT, 'panelcraft-build-cache/0'), render.file)).toBeUndefined();
    expect(parseEntryHeader(line.slice(0, -5), render.file)).toBeUndefined();
    expect(parseEntryHeader('{"format":"panelcraft-build-cache/1"}', render.file)).toBeUndefined();
    expect(parseEntryHeader('null', render.file)).toBeUndefined();
    expect(parseEntryHeader(line.replace('"severity":"warning"', '"severity":"fatal"'), render.file)).toBeUndefined();
    const header = parseEntryHeader(line, render.file)!;
    expect(entryRender(header, body.slice(0, -1))).toBeUndefined(); // truncated
    expect(entryRender(header, body.replace('Home', 'Hone'))).toBeUndefined(); // same length, other bytes
    expect(entryRender(header, `${body}x`)).toBeUndefined();
  });
});

describe('build records', () => {
  const record: BuildRecord = {
    format: CACHE_FORMAT,
    context: 'ctx',
    typecheck: true,
    sources: ['dashboards/a.ts', 'dashboards/b.ts'],
    inputs: [
      ['dashboards/_lib/x.ts', 'x1'],
      ['dashboards/a.ts', 'a1'],
      ['dashboards/b.ts', 'b1'],
    ],
    dashboards: [
      { file: 'dashboards/a.ts', uid: 'a', sha256: 'sa', entry: 'ea' },
      { file: 'dashboards/b.ts', folder: 'f', uid: 'b', sha256: 'sb', entry: 'eb' },
    ],
    diagnostics: [
      {
        rule: 'typescript',
        severity: 'warning',
        file: 'dashboards/a.ts',
        pointer: '',
        line: 3,
        column: 7,
        message: 'TS6133: unused',
      },
    ],
  };
  const hashes = new Map(record.inputs);
  const now = {
    context: 'ctx',
    typecheck: true,
    sources: record.sources,
    hashOf: (p: string) => hashes.get(p) ?? 'missing',
  };

  it('parses what it wrote, and nothing of another format or shape', () => {
    expect(parseBuildRecord(JSON.stringify(record))).toEqual(record);
    expect(parseBuildRecord(JSON.stringify({ ...record, format: 'x' }))).toBeUndefined();
    expect(parseBuildRecord(JSON.stringify({ ...record, inputs: [['a']] }))).toBeUndefined();
    expect(parseBuildRecord(JSON.stringify({ ...record, dashboards: [{ file: 'a' }] }))).toBeUndefined();
    expect(parseBuildRecord(JSON.stringify(record).slice(0, 100))).toBeUndefined();
  });

  it('matches only the same context, type-check setting, sources and input contents', () => {
    expect(recordMatches(record, now)).toBe(true);
    expect(recordMatches(record, { ...now, context: 'other' })).toBe(false);
    expect(recordMatches(record, { ...now, typecheck: false })).toBe(false);
    expect(recordMatches(record, { ...now, sources: ['dashboards/a.ts'] })).toBe(false);
    expect(recordMatches(record, { ...now, sources: ['dashboards/a.ts', 'dashboards/c.ts'] })).toBe(false);
    expect(
      recordMatches(record, { ...now, hashOf: (p) => (p === 'dashboards/_lib/x.ts' ? 'x2' : hashes.get(p)!) }),
    ).toBe(false);
  });
});
