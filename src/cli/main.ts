import { readFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../catalog/suggest.ts';
import { PACKAGE_ROOT } from '../io/package-root.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { jsonReport } from '../tooling/json-report.ts';
import { parseInvocation } from './argv.ts';
import { COMMAND_HELP, helpOptionNames, renderHelp } from './command-help.ts';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliContext, type Command } from './context.ts';
import { escapeTerminal } from '../tooling/terminal-text.ts';

/** One file per command behind this thin dispatcher; loaded lazily so `lint` does not pay for `verify`. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: {
    summary: 'load, normalize, validate and write provisioning/ (--check writes nothing)',
    load: async () => (await import('./commands/build.ts')).build,
  },
  lint: {
    summary: 'validate dashboard JSON files, also ones no one here wrote',
    load: async () => (await import('./commands/lint.ts')).lint,
  },
  verify: {
    summary: 'run every panel query against a live Prometheus; report empty panels',
    load: async () => (await import('./commands/verify.ts')).verify,
  },
  diff: {
    summary: 'semantic diff of dashboards between a git ref and the working tree',
    load: async () => (await import('./commands/diff.ts')).diff,
  },
  import: {
    summary: 'turn dashboard JSON into .ts source',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  'test-alerts': {
    summary: 'run promtool check and unit tests on every generated and user-written alert test',
    load: async () => (await import('./commands/test-alerts.ts')).testAlerts,
  },
  dev: {
    summary: 'watch dashboards/ and src/, rebuild on change',
    load: async () => (await import('./commands/dev.ts')).dev,
  },
  report: {
    summary: 'weekly KPI report per service: CSV, PDF, HTML; optional mail',
    load: async () => (await import('./commands/report.ts')).report,
  },
  init: {
    summary: "scaffold a team's repository (scripts, tsconfig, a dashboard per service, CI); never overwrites",
    load: async () => (await import('./commands/init.ts')).init,
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`);
  return (
    `usage: panelcraft <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n` +
    'common options: --root DIR (default: the nearest folder up holding the project), --json, -h/--help\n' +
    '`panelcraft help CMD` or `panelcraft CMD --help` explains one command; `panelcraft --version` prints the version.\n'
  );
}

/** panelcraft's own version, from its package.json. */
export function version(): string {
  try {
    return (
      (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ??
      'unknown'
    );
  } catch {
    return 'unknown';
  }
}

const processContext = (): CliContext => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
});

/** Runs one CLI invocation and returns its exit code. Never throws. */
export async function main(argv: readonly string[], outer: CliContext = processContext()): Promise<number> {
  // Titles, paths, server answers and flags reach the terminal: none may move the cursor or clear the screen.
  const ctx: CliContext = {
    ...outer,
    stdout: (text) => outer.stdout(escapeTerminal(text)),
    stderr: (text) => outer.stderr(escapeTerminal(text)),
  };
  const invocation = parseInvocation(argv, Object.keys(COMMANDS));
  switch (invocation.kind) {
    case 'overview':
      if (invocation.explicit) ctx.stdout(usage());
      else ctx.stderr(usage());
      return invocation.explicit ? EXIT_OK : EXIT_USAGE;
    case 'version':
      ctx.stdout(`${version()}\n`);
      return EXIT_OK;
    case 'help':
      ctx.stdout(
        renderHelp(invocation.command, COMMANDS[invocation.command]!.summary, COMMAND_HELP[invocation.command]),
      );
      return EXIT_OK;
    case 'unknown':
      if (invocation.json)
        ctx.stdout(failureJson('', 'usage', `unknown command "${invocation.word}"${invocation.hint}`));
      else ctx.stderr(`panelcraft: unknown command "${invocation.word}"${invocation.hint}\n\n${usage()}`);
      return EXIT_USAGE;
    case 'run':
      break;
  }
  const name = invocation.command;
  const entry = COMMANDS[name]!;
  try {
    const command = await entry.load();
    return await command(invocation.args, ctx);
  } catch (err) {
    // A bad git ref (or no repository) is the user's mistake; matched by name so git is only loaded by commands that use it.
    if (err instanceof UsageError || (err instanceof Error && err.name === 'GitRefError') || isParseArgsError(err)) {
      const message = usageMessage(err as Error, name);
      if (invocation.json) ctx.stdout(failureJson(name, 'usage', message));
      else ctx.stderr(`panelcraft ${name}: ${message}\n`);
      return EXIT_USAGE;
    }
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    if (invocation.json)
      ctx.stdout(
        failureJson(name, 'internal', stack, 'this is a bug in panelcraft: please report it with this output'),
      );
    else
      ctx.stderr(
        `panelcraft ${name}: internal error — this is a bug in panelcraft, please report it with the output below.\n${stack}\n`,
      );
    return EXIT_USAGE;
  }
}

/**
 * A failure that is not a finding of the command (a usage mistake, an internal error) in the one `--json` shape
 * every command prints: `{ command, ok, summary, diagnostics }` with the failure as its only diagnostic.
 */
function failureJson(command: string, rule: 'usage' | 'internal', message: string, fix?: string): string {
  const diagnostic: Diagnostic = { rule, severity: 'error', file: '', pointer: '', message, ...(fix ? { fix } : {}) };
  return jsonReport(command, [diagnostic], {}, false);
}

/** The message of a usage mistake; an unknown option gets "did you mean" and where to read about the options. */
export function usageMessage(err: Error, name: string): string {
  if ((err as Error & { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return err.message;
  const option = /'(-{1,2}[^'=]+)/.exec(err.message)?.[1] ?? '?';
  return `unknown option ${option}${didYouMean(option, helpOptionNames(COMMAND_HELP[name]))}; see \`panelcraft help ${name}\``;
}

function isParseArgsError(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
