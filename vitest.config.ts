import { defineConfig } from 'vitest/config';

/**
 * Tests that start processes (the CLI, git, Prometheus, Go services, promtool, tsc), open sockets or write temp
 * projects. Everything else is the pure core, run in threads: `npm run test:unit` is the fast loop.
 */
const INTEGRATION = [
  'test/integration/**',
  'test/cli/**',
  'test/deploy/**',
  'test/io/**',
  'test/package/**',
  '**/*.integration.test.ts',
  'test/diff/diff-built-ref.test.ts',
  'test/diff/diff-command.test.ts',
  'test/tooling/shipped-dashboards.test.ts',
  'test/import/import-cli.test.ts',
  'test/import/shipped-round-trip.test.ts',
  'test/import/corpus.test.ts',
  'test/import/sdk-catalog.test.ts',
  'test/import/round-trip.test.ts',
  'test/import/string-fidelity.test.ts',
  'test/import/write-new-files.test.ts',
  'test/init/init-command.test.ts',
  'test/config/config-checks.test.ts',
  'test/lint/lint-folders.test.ts',
  'test/lint/golden-reports.test.ts',
  'test/lint/lint-cli.test.ts',
  'test/lint/lint-metrics-url.test.ts',
  'test/promql/promtool-agreement.test.ts',
  'test/report/render-report.test.ts',
  'test/report/report-command.test.ts',
  'test/report/report-mail.test.ts',
  'test/report/schedule-workflow.test.ts',
  'test/validate/json-depth.test.ts',
  'test/validate/schema/fresh.test.ts',
  'test/verify/prometheus-client.test.ts',
  'test/verify/prometheus-response.test.ts',
  'test/verify/verify-hostile.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION, pool: 'threads' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION.map((g) => (g.endsWith('/**') ? `${g}/*.test.ts` : g)),
          pool: 'forks',
        },
      },
    ],
  },
});
