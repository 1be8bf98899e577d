import type { ServiceSpec } from './service-spec.ts';

/** `deploy/prometheus.yml`: one scrape job per service, named as the dashboards filter on it. */
export function prometheusSource(services: readonly ServiceSpec[]): string {
  const jobs = services.flatMap((s, i) => [
    `  - job_name: ${JSON.stringify(s.name)}`,
    '    static_configs:',
    '      # Where the service serves /metrics, as Prometheus in the compose network reaches it: change the port.',
    `      - targets: [${JSON.stringify(`host.docker.internal:${8080 + i}`)}]`,
  ]);
  return [
    '# Prometheus for the local stack (deploy/docker-compose.yml), written by `panelcraft init`.',
    '# Check it with `promtool check config deploy/prometheus.yml`.',
    'global:',
    '  # Keep equal to panelcraft.yaml `datasource.scrapeInterval`: $__rate_interval is computed from it.',
    '  scrape_interval: 15s',
    '  evaluation_interval: 15s',
    '',
    'scrape_configs:',
    '  - job_name: prometheus',
    '    static_configs:',
    "      - targets: ['localhost:9090']",
    ...jobs,
    '',
  ].join('\n');
}

/** `deploy/docker-compose.yml`: Grafana provisioned from ../provisioning and Prometheus, on 127.0.0.1 only. */
export function composeSource(): string {
  return `# Local stack, written by \`panelcraft init\`:
#   npm run build:dashboards && docker compose -f deploy/docker-compose.yml up
# Grafana http://localhost:3000 (anonymous viewer), Prometheus http://localhost:9090. Ports bind to 127.0.0.1 only.
services:
  grafana:
    image: grafana/grafana:12.1.1
    ports:
      - '127.0.0.1:3000:3000'
    environment:
      GF_SECURITY_ADMIN_PASSWORD: \${GRAFANA_ADMIN_PASSWORD:-admin}
      GF_AUTH_ANONYMOUS_ENABLED: 'true'
      GF_AUTH_ANONYMOUS_ORG_ROLE: Viewer
    volumes:
      # The build output, unchanged and read-only.
      - ../provisioning:/etc/grafana/provisioning:ro
    depends_on:
      - prometheus
  prometheus:
    image: prom/prometheus:v3.5.0
    command:
      - --config.file=/etc/prometheus/prometheus.yml
    ports:
      - '127.0.0.1:9090:9090'
    extra_hosts:
      # Lets Prometheus scrape services running on this machine (Linux too).
      - 'host.docker.internal:host-gateway'
    volumes:
      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro
`;
}
