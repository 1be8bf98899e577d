/** The strict compiler settings `init` gives a team; `panelcraft build` type-checks the dashboards with them. */
export function tsconfigSource(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      isolatedModules: true,
      forceConsistentCasingInFileNames: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['dashboards', 'alerts'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** `panelcraft.yaml` with the defaults spelled out as comments, so a team sees what it can set. */
export function configSource(): string {
  return [
    '# panelcraft settings. Every key is optional; the values shown are the defaults.',
    '# grafanaVersion: "12.1"          # the Grafana the output targets (sets schemaVersion)',
    '# datasource:',
    '#   uid: prometheus',
    '#   name: Prometheus',
    "#   url: http://prometheus:9090   # as Grafana's backend reaches Prometheus",
    "#   scrapeInterval: 15s           # keep equal to Prometheus' scrape_interval",
    '# rules:',
    '#   panel-description: warning    # error | warning | off, per rule id',
    '# exclusions:',
    '#   - rule: panel-description',
    '#     dashboard: <uid>',
    '#     reason: why the rule does not apply there',
    '# report:                         # panelcraft report',
    '#   timezone: UTC                 # days and ISO weeks are counted here (e.g. Asia/Shanghai)',
    '#   slo: 0.999                    # request success objective: adds the error budget left',
    '#   mail: { host: smtp.example.com, port: 587, user: reports, from: reports@example.com }  # password: $PANELCRAFT_SMTP_PASSWORD',
    '',
  ].join('\n');
}

export function gitignoreSource(): string {
  return ['node_modules/', '*.panelcraft-tmp', ''].join('\n');
}
