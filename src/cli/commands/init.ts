import { stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { LOCALES, type Locale } from '../../i18n/locale.ts';
import { planScaffold, type ScaffoldPlan } from '../../init/scaffold.ts';
import { CONVENTION_IDS, serviceNameProblem, type ConventionId, type ServiceSpec } from '../../init/service-spec.ts';
import { PACKAGE_ROOT } from '../../io/package-root.ts';
import { existingPaths, readIfExists } from '../../io/read-existing.ts';
import { writeNewFiles } from '../../io/write-new-files.ts';
import { EXIT_OK, UsageError, type CliContext, type Command } from '../context.ts';
import { jsonReport } from '../../tooling/json-report.ts';
import { parseArgs } from '../parse-args.ts';

export const INIT_USAGE =
  'usage: panelcraft init [DIR] [--service NAME [--convention client-golang|otel|gin] [--locale en|zh-CN]]… [--json]';

/** Asks one question on the terminal; tests pass their own. */
export type Ask = (question: string) => Promise<string>;

/**
 * `panelcraft init [DIR]`: scaffolds a team's repository (scripts, strict tsconfig, panelcraft.yaml, a dashboard
 * per service, CI workflow, local stack, .gitignore). Never overwrites a file: an existing package.json only gains
 * the scripts it lacks, anything else that exists is skipped and listed. Safe to re-run.
 * Exit 0 done, 2 usage error.
 */
export const init: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      service: { type: 'string', multiple: true, default: [] },
      convention: { type: 'string', multiple: true, default: [] },
      locale: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 1)
    throw new UsageError(`init takes one folder, got ${positionals.length}: ${positionals.join(' ')}\n${INIT_USAGE}`);
  const dir = path.resolve(ctx.cwd, positionals[0] ?? '.');
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory())
    throw new UsageError(`${dir} is a file, not a folder; name a folder to set up`);

  let services = servicesFromFlags(values.service ?? [], values.convention ?? [], values.locale ?? []);
  const ask = (ctx as CliContext & { ask?: Ask }).ask ?? terminalAsk();
  if (services.length === 0 && ask !== undefined && !values.json) services = await askServices(ask, path.basename(dir));

  const candidates = [
    'package.json',
    'tsconfig.json',
    'panelcraft.yaml',
    '.gitignore',
    '.github/workflows/dashboards.yml',
    '.github/workflows/weekly-report.yml',
    'deploy/docker-compose.yml',
    'deploy/prometheus.yml',
    'dashboards',
  ];
  const existing = await existingPaths(dir, [
    ...candidates,
    ...services.map((s) => `dashboards/${s.name}/overview.ts`),
  ]);
  const packageJson = await readIfExists(path.join(dir, 'package.json'));
  const plan = planScaffold({
    services,
    packageName: npmName(path.basename(dir)),
    versions: await ownVersions(),
    existing,
    ...(packageJson !== undefined ? { packageJson } : {}),
  });
  await writeNewFiles(dir, plan.create);
  if (plan.update) await replaceFile(path.join(dir, plan.update.path), plan.update.contents);
  report(ctx, dir, plan, services, values.json ?? false);
  return EXIT_OK;
};

function servicesFromFlags(
  names: readonly string[],
  conventions: readonly string[],
  locales: readonly string[],
): ServiceSpec[] {
  if (names.length === 0 && (conventions.length > 0 || locales.length > 0))
    throw new UsageError(`--convention and --locale describe a --service NAME; none was given\n${INIT_USAGE}`);
  for (const [flag, list] of [
    ['--convention', conventions],
    ['--locale', locales],
  ] as const) {
    if (list.length > 1 && list.length !== names.length) {
      throw new UsageError(
        `give one ${flag} for all services or one per --service (${names.length} services, ${list.length} ${flag} values)`,
      );
    }
  }
  const seen = new Set<string>();
  return names.map((name, i) => {
    const problem = serviceNameProblem(name);
    if (problem) throw new UsageError(problem);
    if (seen.has(name)) throw new UsageError(`--service ${name} is given twice`);
    seen.add(name);
    const convention = conventions[conventions.length === 1 ? 0 : i] ?? 'client-golang';
    const locale = locales[locales.length === 1 ? 0 : i] ?? 'en';
    if (!(CONVENTION_IDS as readonly string[]).includes(convention)) {
      throw new UsageError(`--convention ${JSON.stringify(convention)} is not one of ${CONVENTION_IDS.join(', ')}`);
    }
    if (!(LOCALES as readonly string[]).includes(locale))
      throw new UsageError(`--locale ${JSON.stringify(locale)} is not one of ${LOCALES.join(', ')}`);
    return { name, convention: convention as ConventionId, locale: locale as Locale };
  });
}

/** A question on the terminal, only when both ends are one; otherwise init does not ask. */
function terminalAsk(): Ask | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}

async function askServices(ask: Ask, folder: string): Promise<ServiceSpec[]> {
  const services: ServiceSpec[] = [];
  const fallback = serviceNameProblem(folder) === undefined ? folder : 'app';
  for (;;) {
    const first = services.length === 0;
    const answer = (
      await ask(first ? `Service name (Prometheus job) [${fallback}]: ` : 'Another service? name, or Enter to finish: ')
    ).trim();
    const name = answer === '' && first ? fallback : answer;
    if (name === '') return services;
    const problem =
      serviceNameProblem(name) ?? (services.some((s) => s.name === name) ? `${name} is already listed` : undefined);
    if (problem) {
      await ask(`${problem}. Press Enter to try again.`);
      continue;
    }
    const convention = await choose(
      ask,
      `Metrics of ${name}: ${CONVENTION_IDS.join(' | ')} [client-golang]: `,
      CONVENTION_IDS,
      'client-golang',
    );
    const locale = await choose(ask, `Language of titles: ${LOCALES.join(' | ')} [en]: `, LOCALES, 'en');
    services.push({ name, convention, locale });
  }
}

async function choose<T extends string>(ask: Ask, question: string, allowed: readonly T[], fallback: T): Promise<T> {
  for (;;) {
    const answer = (await ask(question)).trim();
    if (answer === '') return fallback;
    const found = allowed.find((a) => a === answer);
    if (found) return found;
    question = `"${answer}" is not one of ${allowed.join(', ')}. ${question}`;
  }
}

async function ownVersions(): Promise<{ panelcraft: string; sdk: string; typescript: string }> {
  const pkg = JSON.parse((await readIfExists(path.join(PACKAGE_ROOT, 'package.json'))) ?? '{}') as {
    version?: string;
    peerDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  return {
    panelcraft: pkg.version ?? '0.1.0',
    sdk: pkg.peerDependencies?.['@grafana/grafana-foundation-sdk'] ?? '*',
    // The TypeScript panelcraft checks with (TypeScript 7, under an npm alias), so the team's own `npx tsc` reports
    // what `panelcraft build` reports: 5.9 and 7 differ (7 removed options and no longer loads every @types package).
    typescript: pkg.dependencies?.['typescript-native']?.replace(/^npm:typescript@/, '') ?? '7.0.2',
  };
}

/** npm's rules for a package name, applied to a folder name: lowercase, URL-safe. */
function npmName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'dashboards' : name.slice(0, 214);
}

async function replaceFile(file: string, contents: string): Promise<void> {
  const temp = `${file}.${process.pid}.panelcraft-tmp`;
  await writeFile(temp, contents, 'utf8');
  await rename(temp, file);
}

function report(
  ctx: CliContext,
  dir: string,
  plan: ScaffoldPlan,
  services: readonly ServiceSpec[],
  json: boolean,
): void {
  const written = plan.create.map((f) => f.path);
  if (json) {
    ctx.stdout(
      jsonReport('init', [], {
        root: dir,
        written,
        updated: plan.update ? [{ path: plan.update.path, addedScripts: plan.update.added }] : [],
        skipped: plan.skipped,
      }),
    );
    return;
  }
  const lines = [`panelcraft init: ${dir}`];
  for (const p of written) lines.push(`  wrote    ${p}`);
  if (plan.update) lines.push(`  updated  ${plan.update.path} (added scripts: ${plan.update.added.join(', ')})`);
  for (const s of plan.skipped) lines.push(`  skipped  ${s.path} (${s.reason})`);
  lines.push('');
  if (services.length === 0)
    lines.push(
      'No service given: add one with `npx panelcraft init --service NAME --convention client-golang|otel|gin`.',
    );
  lines.push('Next: `npm install`, then `npm run build:dashboards` and commit dashboards/ and provisioning/.');
  ctx.stdout(`${lines.join('\n')}\n`);
}
