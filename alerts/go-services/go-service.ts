import { clientGolang, goServiceAlerts, goServiceSlo } from 'panelcraft';

// Alerts and SLOs of the demo service the go-services dashboards show; each alert links its panel on the overview.
const service = { convention: clientGolang(), job: 'go-service', dashboard: 'go-services-overview' } as const;

export default [
  ...goServiceAlerts(service),
  ...goServiceSlo({
    ...service,
    objectives: { availability: 0.999, latency: { thresholdSeconds: 1, objective: 0.99 } },
  }),
];
