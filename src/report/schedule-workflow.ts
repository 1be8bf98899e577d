import { zoneOffsetMs } from './calendar.ts';

/** Local time the report runs at: Monday 09:00. */
const LOCAL_HOUR = 9;

/** A UTC cron time (minute, hour, weekday 0-6 from Sunday) that is Monday 09:00 at the given offset. */
interface UtcSlot {
  readonly minute: number;
  readonly hour: number;
  readonly weekday: number;
  /** `+08:00` */
  readonly offset: string;
}

function formatOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The UTC times at which it is Monday 09:00 in `timeZone`, one per distinct UTC offset the zone uses (two for a
 * zone with summer time). Offsets are sampled weekly over 2026-2027, a fixed span, so the result is pure.
 */
export function mondayNineUtc(timeZone: string): UtcSlot[] {
  const offsets = new Set<number>();
  const start = Date.UTC(2026, 0, 5, 12);
  for (let week = 0; week < 104; week++) offsets.add(zoneOffsetMs(timeZone, start + week * 7 * 86_400_000));
  return [...offsets]
    .sort((a, b) => b - a)
    .map((offset) => {
      const utcMinutes = (1 * 24 * 60 + LOCAL_HOUR * 60 - Math.round(offset / 60_000) + 7 * 24 * 60) % (7 * 24 * 60); // from Sunday 00:00
      return {
        minute: utcMinutes % 60,
        hour: Math.floor(utcMinutes / 60) % 24,
        weekday: Math.floor(utcMinutes / (24 * 60)),
        offset: formatOffset(offset),
      };
    });
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `.github/workflows/weekly-report.yml`: every Monday 09:00 in `timeZone` it writes the last complete ISO week's
 * report (CSV, PDF, HTML), uploads it as an artifact and, when the repository variable REPORT_MAIL_TO is set,
 * mails it. GitHub's cron is UTC, so the schedule is the converted time; a zone with summer time gets one cron per
 * offset and a first step that lets only the run at 09:00 local time go on.
 */
export function weeklyReportWorkflow(timeZone: string): string {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone))
    throw new Error(`weeklyReportWorkflow: "${timeZone}" is not an IANA zone name`);
  const slots = mondayNineUtc(timeZone);
  const gated = slots.length > 1;
  const explain = slots.map(
    (s) =>
      `#   Monday 09:00 at UTC${s.offset} is ${WEEKDAYS[s.weekday]} ${pad(s.hour)}:${pad(s.minute)} UTC -> cron '${s.minute} ${s.hour} * * ${s.weekday}'`,
  );
  const when = gated ? "steps.gate.outputs.run == 'true'" : '';
  const ifLine = (indent: string) => (gated ? [`${indent}if: ${when}`] : []);
  const lines = [
    `# Weekly KPI report, every Monday 09:00 in ${timeZone} (written by panelcraft: \`panelcraft report --workflow\`).`,
    '# GitHub Actions cron runs in UTC, so the local time is converted:',
    ...explain,
    ...(gated
      ? [
          `# ${timeZone} changes its offset for summer time, so both UTC times are scheduled and the first step lets`,
          '# only the run that falls on Monday 09:00 local time go on.',
        ]
      : []),
    '# Scheduled runs may start some minutes late when GitHub is busy.',
    '# Needs the secret PROMETHEUS_URL; to mail the report, the variable REPORT_MAIL_TO (comma-separated addresses),',
    '# report.mail in panelcraft.yaml and the secret PANELCRAFT_SMTP_PASSWORD.',
    'name: weekly-report',
    'on:',
    '  schedule:',
    ...slots.map((s) => `    - cron: '${s.minute} ${s.hour} * * ${s.weekday}'`),
    '  workflow_dispatch:',
    '    inputs:',
    '      week:',
    "        description: 'ISO week such as 2026-W48 (empty: the last complete week)'",
    '        required: false',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  report:',
    '    runs-on: ubuntu-latest',
    '    timeout-minutes: 30',
    '    steps:',
    ...(gated
      ? [
          `      - name: Go on only at Monday 09:00 in ${timeZone}`,
          '        id: gate',
          '        run: |',
          `          if [ "$GITHUB_EVENT_NAME" != schedule ] || [ "$(TZ=${timeZone} date +%u%H)" = "1${pad(LOCAL_HOUR)}" ]; then`,
          '            echo "run=true" >> "$GITHUB_OUTPUT"',
          '          else',
          '            echo "run=false" >> "$GITHUB_OUTPUT"',
          '          fi',
        ]
      : []),
    '      - uses: actions/checkout@v4',
    ...ifLine('        '),
    '      - uses: actions/setup-node@v4',
    ...ifLine('        '),
    '        with:',
    '          node-version: 20',
    '          cache: npm',
    '      - name: Install a CJK font for Chinese PDFs',
    ...ifLine('        '),
    '        run: sudo apt-get update -qq && sudo apt-get install -y -qq fonts-noto-cjk',
    '      - run: npm ci',
    ...ifLine('        '),
    '      - name: Write the report',
    ...ifLine('        '),
    '        env:',
    '          PROMETHEUS_URL: ${{ secrets.PROMETHEUS_URL }}',
    '          PANELCRAFT_SMTP_PASSWORD: ${{ secrets.PANELCRAFT_SMTP_PASSWORD }}',
    '          REPORT_MAIL_TO: ${{ vars.REPORT_MAIL_TO }}',
    '          WEEK: ${{ inputs.week }}',
    '        run: >-',
    `          npx panelcraft report --prometheus "$PROMETHEUS_URL" --tz ${timeZone} --format csv,pdf,html --out reports`,
    '          ${WEEK:+--week "$WEEK"} ${REPORT_MAIL_TO:+--mail-to "$REPORT_MAIL_TO"}',
    '      - uses: actions/upload-artifact@v4',
    ...ifLine('        '),
    '        with:',
    '          name: weekly-report-${{ github.run_number }}',
    '          path: reports/',
    '          if-no-files-found: error',
    '          retention-days: 90',
  ];
  return `${lines.join('\n')}\n`;
}
