import { CACHE_DIR_HELP } from './cache-dir.ts';

/** What `panelcraft help CMD` and `CMD --help` print: a description, every option, the exit codes, two examples. */
export interface CommandHelp {
  readonly usage: string;
  readonly description: string;
  /** Flag (with its value placeholder) → what it does. The common options are added by the renderer. */
  readonly options: Readonly<Record<string, string>>;
  /** Exit code → when. */
  readonly exits: Readonly<Record<number, string>>;
  readonly examples: readonly string[];
}

/** Options every command takes; `--root` and `--json` may also come before the command. */
export const COMMON_OPTIONS: Readonly<Record<string, string>> = {
  '--root DIR':
    'the project folder (default: the nearest folder up holding panelcraft.yaml, or package.json next to dashboards/)',
  '--json': 'print every result and error as one JSON document on stdout',
  '-h, --help': 'show this help',
};

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  build: {
    usage: 'panelcraft build [--check] [--committed] [--force] [--cache-dir DIR]',
    description:
      "Type-checks dashboards/**/*.ts with the project's tsconfig.json, loads, normalizes and validates every dashboard, and writes provisioning/ all-or-nothing: any error writes nothing.",
    options: {
      '--check': 'write nothing; list stale, missing, orphan and hand-edited files (always type-checks)',
      '--committed': 'with --check: also compare with the output committed at HEAD',
      '--force': 'replace output files that were edited by hand',
      '--cache-dir DIR': CACHE_DIR_HELP,
    },
    exits: {
      0: 'built, or --check found everything up to date',
      1: 'diagnostics (type errors, rule errors) or out-of-date output; nothing written',
      2: 'usage error, no project found, or internal error',
    },
    examples: ['npx panelcraft build', 'npx panelcraft build --check --committed'],
  },
  lint: {
    usage: 'panelcraft lint [FILE.json | DIR]… [--config FILE] [--metrics FILE]… [--metrics-url URL]…',
    description:
      'Validates dashboard JSON files, also ones no one here wrote, with the rules build uses. A file under provisioning/dashboards/<folder>/ belongs to Grafana folder <folder>. Default path: provisioning/dashboards.',
    options: {
      '--config FILE': 'settings file instead of <root>/panelcraft.yaml',
      '--metrics FILE': 'a Prometheus exposition (/metrics text) to check metric and label names against; repeatable',
      '--metrics-url URL':
        'fetch the exposition from a running service (credentials: PANELCRAFT_METRICS_TOKEN, or PANELCRAFT_METRICS_USER + PANELCRAFT_METRICS_PASSWORD); repeatable',
      '--timeout DURATION': 'per HTTP request, until the last byte of the answer (default 30s)',
      '--deadline DURATION': 'for all HTTP requests of the run together (default 2m)',
      '--header "Name: value"': 'sent with every request (e.g. Authorization); redacted in all output; repeatable',
    },
    exits: {
      0: 'no errors (warnings allowed)',
      1: 'at least one error',
      2: 'usage error, unreadable path, or internal error',
    },
    examples: ['npx panelcraft lint', 'npx panelcraft lint exported/*.json --metrics metrics.txt'],
  },
  verify: {
    usage: 'panelcraft verify --prometheus URL [--var name=value]… [--strict] [--scrape-interval 15s]',
    description:
      "Runs every query of every built dashboard against a live Prometheus over the dashboard's time range and reports panels with no data or failing queries. A variable value the dashboard pins (or --var sets) that Prometheus lacks is an error. Credentials: PANELCRAFT_PROMETHEUS_TOKEN (bearer), or PANELCRAFT_PROMETHEUS_USER + PANELCRAFT_PROMETHEUS_PASSWORD (basic), or --header; answers are capped at 64 MiB after decompression and redirects are followed only within the same origin.",
    options: {
      '--prometheus URL': 'base URL of the Prometheus to ask (required)',
      '--var name=value': 'value for a dashboard variable instead of its default; repeatable',
      '--strict': 'also fail a panel when only some of its queries return data',
      '--scrape-interval DURATION':
        'scrape interval for $__rate_interval (default: panelcraft.yaml datasource.scrapeInterval)',
      '--timeout DURATION': 'per HTTP request, until the last byte of the answer (default 30s)',
      '--deadline DURATION': 'for all HTTP requests of the run together (default 2m)',
      '--header "Name: value"': 'sent with every request (e.g. Authorization); redacted in all output; repeatable',
    },
    exits: {
      0: 'every panel returned data',
      1: 'a panel is empty or a query failed',
      2: 'usage error, Prometheus unreachable, or internal error',
    },
    examples: [
      'npx panelcraft verify --prometheus http://localhost:9090',
      'npx panelcraft verify --prometheus http://localhost:9090 --var job=api --strict',
    ],
  },
  diff: {
    usage: 'panelcraft diff --base REF [--format text|markdown|json] [--out DIR] [--cache-dir DIR]',
    description:
      'Semantic diff of the dashboards at git REF against the current build, panel by panel; markdown adds layout pictures (for a pull-request comment).',
    options: {
      '--base REF': 'the git commit, branch or tag to compare with (required)',
      '--format FORMAT': 'text (default), markdown or json',
      '--out DIR': 'with markdown: write the layout pictures (SVG) there',
      '--cache-dir DIR': `${CACHE_DIR_HELP}; REF's build only reads it`,
    },
    exits: {
      0: 'diff printed (also when dashboards changed)',
      1: 'the current build has errors',
      2: 'usage error, not a git repository, unknown REF, or internal error',
    },
    examples: [
      'npx panelcraft diff --base main',
      'npx panelcraft diff --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"',
    ],
  },
  import: {
    usage: 'panelcraft import FILE.json… --out DIR',
    description:
      'Turns existing dashboard JSON (exported from Grafana, or provisioned) into .ts sources, one per file. Never overwrites; all-or-nothing.',
    options: { '--out DIR': 'folder for the new .ts files, e.g. dashboards/payments (required)' },
    exits: {
      0: 'imported',
      1: 'an input cannot be imported, or a target file exists; nothing written',
      2: 'usage error or internal error',
    },
    examples: [
      'npx panelcraft import exported/payments.json --out dashboards/payments',
      'npx panelcraft import legacy/*.json --out dashboards/legacy --json',
    ],
  },
  'test-alerts': {
    usage: 'panelcraft test-alerts',
    description:
      'Builds the rules of alerts/ in memory and, per rule file, runs `promtool check rules --lint-fatal` and `promtool test rules` on the unit tests panelcraft generates for every alert (it fires on a bad series in time and stays silent on a healthy one) plus the tests written with alertTest(). Uses $PROMTOOL, else promtool on PATH.',
    options: {},
    exits: {
      0: 'every rule file valid and every test passed',
      1: 'diagnostics, an invalid rule file or a failing test',
      2: "usage error, promtool missing (install Debian's prometheus package), or internal error",
    },
    examples: ['npx panelcraft test-alerts', 'PROMTOOL=~/prometheus-3.5.0/promtool npx panelcraft test-alerts --json'],
  },
  dev: {
    usage: 'panelcraft dev [--no-typecheck] [--cache-dir DIR]',
    description:
      'Builds once, then rebuilds on every change to dashboards/, src/ or panelcraft.yaml. A build with errors writes nothing, so the last good output stays. Stops on Ctrl-C.',
    options: {
      '--no-typecheck': 'skip the TypeScript check for faster rebuilds (build and build --check always check)',
      '--cache-dir DIR': CACHE_DIR_HELP,
    },
    exits: { 0: 'stopped by Ctrl-C or SIGTERM', 2: 'usage error, no project found, or internal error' },
    examples: ['npx panelcraft dev', 'npx panelcraft dev --no-typecheck'],
  },
  report: {
    usage:
      'panelcraft report --prometheus URL [--week 2026-W48 | --from YYYY-MM-DD --to YYYY-MM-DD] [--service JOB]… [--format csv,pdf,html] [--locale en|zh-CN] [--tz ZONE] [--out DIR] [--mail-to ADDRESS]…',
    description:
      'The KPI report of an ISO week (default: the last complete one in the zone) or a span of days, per service: availability, error ratio, P95 (or mean) latency, requests, peak rate, goroutines, open fds, memory and the error budget left, per day and in total, with the change from the previous range. Writes raw_data_<week>.csv (UTF-8 with BOM), weekly_report_<week>.pdf and, with html, weekly_report_<week>.html. `--workflow` prints a GitHub Actions workflow running it every Monday 09:00 in the zone.',
    options: {
      '--prometheus URL': 'base URL of the Prometheus to ask (required)',
      '--week WEEK': 'ISO week such as 2026-W48',
      '--from DATE': 'first day (YYYY-MM-DD) of a span of days, with --to (both included)',
      '--to DATE': 'last day of the span',
      '--service JOB': 'a job to report on; repeatable (default: every job the built dashboards are scoped to)',
      '--format LIST': 'csv, pdf and/or html, comma-separated (default: csv,pdf)',
      '--locale ID': 'en (default) or zh-CN: language of the PDF and HTML',
      '--tz ZONE': 'IANA time zone of the days and weeks (default: panelcraft.yaml report.timezone, else UTC)',
      '--font FILE': 'font for the PDF (.ttf, .otf, .ttc with Chinese glyphs; default: a system CJK font)',
      '--out DIR': 'folder for the files (default: reports)',
      '--mail-to ADDRESS':
        'mail the files (SMTP from panelcraft.yaml report.mail, password from $PANELCRAFT_SMTP_PASSWORD); repeatable',
      '--scrape-interval DURATION':
        'scrape interval, sizes the peak-rate window (default: panelcraft.yaml datasource.scrapeInterval)',
      '--workflow': 'print the weekly GitHub Actions workflow for --tz and exit',
      '--timeout DURATION': 'per request (default 30s)',
      '--deadline DURATION': 'for all requests together (default 30m)',
      '--header "Name: value"': 'sent with every request to Prometheus; repeatable',
    },
    exits: {
      0: 'report written (and mailed)',
      1: 'a query failed, the mail was not delivered, or panelcraft.yaml has errors',
      2: 'usage error, Prometheus unreachable, no CJK font for zh-CN, or internal error',
    },
    examples: [
      'npx panelcraft report --prometheus http://localhost:9090 --week 2026-W48 --tz Asia/Shanghai',
      'npx panelcraft report --prometheus http://localhost:9090 --locale zh-CN --format csv,pdf,html --mail-to team@example.com',
    ],
  },
  init: {
    usage: 'panelcraft init [DIR] [--service NAME [--convention client-golang|otel|gin] [--locale en|zh-CN]]…',
    description:
      "Scaffolds a team's repository: package.json scripts, a strict tsconfig.json, panelcraft.yaml, a dashboard per service, .github/workflows/dashboards.yml and weekly-report.yml (the Monday report), deploy/ (compose stack, prometheus.yml), .gitignore. Never overwrites a file (package.json only gains missing scripts); lists what it wrote and skipped; safe to re-run. Asks for services on a terminal when none is given.",
    options: {
      '--service NAME':
        'a service (Prometheus job name); its dashboard goes to dashboards/NAME/overview.ts; repeatable',
      '--convention ID':
        'client-golang (default), otel or gin: the metrics the service exposes; once for all, or once per --service',
      '--locale ID': 'en (default) or zh-CN: language of titles and descriptions; once for all, or once per --service',
    },
    exits: {
      0: 'done (see the wrote/skipped list)',
      2: 'usage error (bad service name, convention or locale; DIR is a file) or internal error',
    },
    examples: [
      'npx panelcraft init --service api --convention gin',
      'npx panelcraft init services/shop --service cart --service pay --convention otel --locale zh-CN',
    ],
  },
};

/** The help text of one command; `summary` stands in for commands without an entry. */
export function renderHelp(name: string, summary: string, help: CommandHelp | undefined): string {
  if (!help)
    return `usage: panelcraft ${name} [options]\n\n${summary}\n\ncommon options:\n${optionLines(COMMON_OPTIONS)}\n`;
  const exits = Object.entries(help.exits).map(([code, when]) => `  ${code}  ${when}`);
  return [
    `usage: ${help.usage} [--root DIR] [--json]`,
    '',
    wrap(help.description, 100),
    '',
    'options:',
    optionLines({ ...help.options, ...COMMON_OPTIONS }),
    '',
    'exit codes:',
    ...exits,
    '',
    'examples:',
    ...help.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** Every long option a command's help names (`--check`, `--root`, …), for "did you mean". */
export function helpOptionNames(help: CommandHelp | undefined): string[] {
  const all = Object.keys({ ...(help?.options ?? {}), ...COMMON_OPTIONS });
  return all
    .flatMap((flag) => flag.split(/,\s*/))
    .map((f) => f.split(' ')[0]!)
    .filter((f) => f.startsWith('--'));
}

function optionLines(options: Readonly<Record<string, string>>): string {
  const width = Math.max(...Object.keys(options).map((k) => k.length)) + 2;
  return Object.entries(options)
    .map(([flag, what]) => `  ${flag.padEnd(width)}${what}`)
    .join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
