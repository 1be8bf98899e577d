import { parseArgs } from 'node:util';
import { EXIT_USAGE, UsageError, type CliContext, type Command } from './context.ts';

/** One file per command behind this thin dispatcher; loaded lazily so `lint` does not pay for `verify`. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: { summary: 'load, normalize, validate and write provisioning/ (--check writes nothing)', load: async () => (await import('./commands/build.ts')).build },
  lint: { summary: 'validate dashboard JSON files, also ones no one here wrote', load: async () => (await import('./commands/lint.ts')).lint },
  verify: { summary: 'run every panel query against a live Prometheus; report empty panels', load: async () => (await import('./commands/verify.ts')).verify },
  diff: { summary: 'semantic diff of dashboards between a git ref and the working tree', load: async () => (await import('./commands/diff.ts')).diff },
  import: { summary: 'turn dashboard JSON into .ts source', load: async () => (await import('./commands/import.ts')).importCommand },
  dev: { summary: 'watch dashboards/ and src/, rebuild on change', load: async () => (await import('./commands/dev.ts')).dev },
  report: { summary: 'weekly KPI report per service: CSV, PDF, HTML; optional mail', load: async () => (await import('./commands/report.ts')).report },
  init: { summary: "scaffold a team's repository (scripts, tsconfig, a dashboard per service, CI); never overwrites", load: async () => (await import('./commands/init.ts')).init },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `usage: panelcraft <command> [options]\n\ncommands:\n${lines.join('\n')}\n\ncommon options: --root DIR (default: current directory), --json\n`;
}

const processContext = (): CliContext => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
});

/** Runs one CLI invocation and returns its exit code. Never throws. */
export async function main(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.stderr(`panelcraft: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      ctx.stderr(`panelcraft ${name}: ${(err as Error).message}\n`);
      return EXIT_USAGE;
    }
    ctx.stderr(
      `panelcraft ${name}: internal error — this is a bug in panelcraft, please report it with the output below.\n` +
        `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT_USAGE;
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Re-exported so commands parse flags the same way. */
export { parseArgs };
