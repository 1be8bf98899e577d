export type { PresetOptions } from './preset-options.ts';
export { scopeVariables, type DashboardScope, type ScopeVariablesOptions } from './variables.ts';
export { goServiceOverview } from './go-service-overview.ts';
export { routeMatrix } from './route-matrix.ts';
export { teachingDemo, type TeachingDemoOptions } from './teaching-demo.ts';
export { defenseKpis } from './defense-kpis.ts';
