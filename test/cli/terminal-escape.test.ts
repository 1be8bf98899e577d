import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeField, escapeTerminal } from '../../src/tooling/terminal-text.ts';
import { runCli } from '../support/run-cli.ts';

const CLEAR = '\u001b[2J\u001b[H';
const hostile = {
  uid: 'ansi',
  title: `${CLEAR}0 errors`,
  schemaVersion: 41,
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: `evil\u009b31m\u202eredro\nerror fake-rule: injected`,
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [{ refId: 'A', expr: 'up(' }],
    },
  ],
};

describe('terminal output escapes control characters', () => {
  it('escapes ESC, C1, bidi overrides and line breaks inside fields, keeping real line breaks', () => {
    expect(escapeTerminal(`a${CLEAR}b\n\tc\r`)).toBe('a\\u001b[2J\\u001b[Hb\n\tc\\u000d');
    expect(escapeField('x\ny\u009b\u202e\u2028')).toBe('x\\u000ay\\u009b\\u202e\\u2028');
  });

  it('lint prints a hostile title escaped, and --json keeps it as data', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'panelcraft-ansi-'));
    try {
      await writeFile(path.join(dir, 'd.json'), JSON.stringify(hostile));
      const text = await runCli(['lint', 'd.json'], dir);
      expect(text.code).toBe(1);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(text.stdout + text.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(text.stdout).toContain('panel "evil\\u009b31m\\u202eredro\\u000aerror fake-rule: injected"');
      expect(text.stdout).not.toMatch(/^error fake-rule/m);
      const json = await runCli(['lint', 'd.json', '--json'], dir);
      const parsed = (JSON.parse(json.stdout) as { diagnostics: Array<{ panel?: string; message: string }> })
        .diagnostics;
      expect(parsed.some((d) => d.panel === hostile.panels[0]!.title)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('every command is guarded: a usage error quoting a hostile flag value is escaped', async () => {
    const r = await runCli(['verify', '--prometheus', `ftp://x${CLEAR}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('panelcraft verify: --prometheus "ftp://x\\u001b[2J\\u001b[H" is not an http(s) URL\n');
  });
});
