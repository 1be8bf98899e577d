import { CONVENTION_FUNCTIONS, type ServiceSpec } from './service-spec.ts';

/** Where `init` puts a service's first dashboard, relative to the project root. */
export const dashboardPath = (service: ServiceSpec): string => `dashboards/${service.name}/overview.ts`;

/** The first dashboard of a service: the review preset on the service's convention, in its language. */
export function dashboardSource(service: ServiceSpec): string {
  const fn = CONVENTION_FUNCTIONS[service.convention];
  const title = service.locale === 'zh-CN' ? `${service.name} 服务总览` : `${service.name} service overview`;
  return [
    `// The review dashboard of the ${JSON.stringify(service.name)} service (${service.convention} metrics), written by \`panelcraft init\`.`,
    '// This file is yours: add panels with .withPanel(...) or switch presets. `npm run build:dashboards` type-checks it',
    `// and writes provisioning/dashboards/${service.name}/; commit both.`,
    `import { ${fn}, goServiceOverview } from 'panelcraft';`,
    '',
    `export default goServiceOverview({`,
    `  convention: ${fn}(),`,
    `  job: ${quote(service.name)},`,
    `  locale: ${quote(service.locale)},`,
    `  title: ${quote(title)},`,
    `});`,
    '',
  ].join('\n');
}

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
