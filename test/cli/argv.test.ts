import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../src/cli/argv.ts';
import { COMMAND_HELP, renderHelp } from '../../src/cli/command-help.ts';
import { runCli } from '../support/run-cli.ts';

const COMMANDS = ['build', 'lint', 'verify', 'diff', 'import', 'dev', 'report', 'init'];

describe('parseInvocation', () => {
  it('moves global options before the command behind it', () => {
    expect(parseInvocation(['--json', '--root', 'x', 'build', '--check'], COMMANDS)).toEqual({
      kind: 'run',
      command: 'build',
      args: ['--check', '--json', '--root', 'x'],
      json: true,
    });
    expect(parseInvocation(['--root=x', 'lint'], COMMANDS)).toEqual({
      kind: 'run',
      command: 'lint',
      args: ['--root=x'],
      json: false,
    });
  });

  it('reads --help and -h on any command, and help CMD', () => {
    expect(parseInvocation(['build', '--check', '--help'], COMMANDS)).toEqual({ kind: 'help', command: 'build' });
    expect(parseInvocation(['verify', '-h'], COMMANDS)).toEqual({ kind: 'help', command: 'verify' });
    expect(parseInvocation(['help', 'diff'], COMMANDS)).toEqual({ kind: 'help', command: 'diff' });
    expect(parseInvocation(['import', 'a.json', '--out', 'd', '--', '--help'], COMMANDS)).toMatchObject({
      kind: 'run',
      command: 'import',
    });
  });

  it('suggests the nearest command, also for two swapped letters', () => {
    expect(parseInvocation(['biuld'], COMMANDS)).toEqual({
      kind: 'unknown',
      word: 'biuld',
      hint: ' (did you mean "build"?)',
      json: false,
    });
    expect(parseInvocation(['--json', 'lnt'], COMMANDS)).toEqual({
      kind: 'unknown',
      word: 'lnt',
      hint: ' (did you mean "lint"?)',
      json: true,
    });
    expect(parseInvocation(['help', 'difff'], COMMANDS)).toMatchObject({
      kind: 'unknown',
      hint: ' (did you mean "diff"?)',
    });
    expect(parseInvocation(['deploy'], COMMANDS)).toMatchObject({ kind: 'unknown', hint: '' });
  });

  it('reads --version and -v', () => {
    expect(parseInvocation(['--version'], COMMANDS)).toEqual({ kind: 'version' });
    expect(parseInvocation(['-v'], COMMANDS)).toEqual({ kind: 'version' });
  });
});

describe('help', () => {
  it.each(COMMANDS)('%s --help: exit 0, a description, every option, the exit codes, two examples', async (command) => {
    const { code, stdout, stderr } = await runCli([command, '--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const help = COMMAND_HELP[command]!;
    expect(stdout).toBe(renderHelp(command, '', help));
    for (const flag of Object.keys(help.options)) expect(stdout).toContain(flag);
    expect(stdout).toMatch(/exit codes:\n {2}0 {2}/);
    expect(help.examples).toHaveLength(2);
    expect((await runCli(['help', command])).stdout).toBe(stdout);
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('an unknown option gets "did you mean" and exit 2', async () => {
    const { code, stderr } = await runCli(['build', '--chek']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'panelcraft build: unknown option --chek (did you mean "--check"?); see `panelcraft help build`\n',
    );
  });

  it('an unknown command gets "did you mean" and exit 2', async () => {
    const { code, stderr } = await runCli(['biuld']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^panelcraft: unknown command "biuld" \(did you mean "build"\?\)\n/);
  });
});

describe('--json errors', () => {
  it('a usage error is one JSON document in the shared shape, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['build', '--json', '--root', '/no/such/folder']);
    expect({ code, stderr }).toEqual({ code: 2, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      command: 'build',
      ok: false,
      summary: { errors: 1, warnings: 0 },
      diagnostics: [
        { rule: 'usage', severity: 'error', file: '', pointer: '', message: '--root /no/such/folder does not exist' },
      ],
    });
  });

  it('an unknown command under --json', async () => {
    const { code, stdout } = await runCli(['--json', 'lnt']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).diagnostics[0].message).toBe('unknown command "lnt" (did you mean "lint"?)');
  });
});
