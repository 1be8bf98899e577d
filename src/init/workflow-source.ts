/**
 * The CI loop for a team's repository: type-check, `build --check` (stale or hand-edited output fails), and on a
 * pull request a semantic diff of the dashboards against the base branch in the job summary.
 */
export function workflowSource(): string {
  return `# Written by \`panelcraft init\`: checks the dashboards on every push and pull request.
name: dashboards
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  dashboards:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Type-check
        run: npm run typecheck
      - name: Built output is up to date
        run: npm run build:dashboards -- --check
      - name: Lint built dashboards
        run: npm run lint:dashboards
      - name: Dashboard changes
        if: github.event_name == 'pull_request'
        run: npx panelcraft diff --base "origin/\${{ github.base_ref }}" --format markdown >> "$GITHUB_STEP_SUMMARY"
`;
}
