import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { datasourceYaml } from '../../src/build/provisioning-yaml.ts';
import { findTool } from './external-tool.ts';

const root = join(import.meta.dirname, '..', '..');
const composePath = join(root, 'deploy', 'docker-compose.yml');

interface Service {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile: string };
  readonly command?: readonly string[];
  readonly environment?: Record<string, string>;
  readonly volumes?: readonly string[];
  readonly ports?: readonly string[];
}
const compose = parse(readFileSync(composePath, 'utf8')) as { services: Record<string, Service> };
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`deploy/docker-compose.yml has no service "${name}"`);
  return found;
};

const dockerCompose = findTool('docker-compose', [['docker-compose'], ['docker', 'compose']], ['version']);

/** `docker-compose config` with no reachable Docker engine: it must only read and resolve the file. */
function composeConfig(
  env: Record<string, string>,
  file = composePath,
): { status: number | null; output: string; stdout: string } {
  const [bin, ...pre] = dockerCompose ?? [];
  const { GRAFANA_ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
  const result = spawnSync(bin ?? 'docker-compose', [...pre, '-f', file, 'config'], {
    encoding: 'utf8',
    env: { ...inherited, DOCKER_HOST: 'unix:///nonexistent/panelcraft-test/docker.sock', ...env },
  });
  return { status: result.status, output: result.stdout + result.stderr, stdout: result.stdout };
}

describe('deploy/docker-compose.yml', () => {
  it.skipIf(dockerCompose === undefined)('passes `docker-compose config` without a Docker engine', () => {
    const result = composeConfig({});
    expect(result.output).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    const resolved = parse(result.stdout) as { services: Record<string, Service> };
    expect(resolved.services.grafana?.volumes).toContain(`${join(root, 'provisioning')}:/etc/grafana/provisioning:ro`);
    expect(resolved.services.grafana?.environment?.GF_SECURITY_ADMIN_PASSWORD).toBe('admin');
  });

  it.skipIf(dockerCompose === undefined)('takes the Grafana admin password from GRAFANA_ADMIN_PASSWORD', () => {
    const result = composeConfig({ GRAFANA_ADMIN_PASSWORD: 'from-env' });
    expect(result.status).toBe(0);
    const resolved = parse(result.stdout) as { services: Record<string, Service> };
    expect(resolved.services.grafana?.environment?.GF_SECURITY_ADMIN_PASSWORD).toBe('from-env');
  });

  it.skipIf(dockerCompose === undefined)(
    '`docker-compose config` rejects a misspelt key (the check is not vacuous)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'panelcraft-compose-'));
      const broken = join(dir, 'docker-compose.yml');
      writeFileSync(broken, 'services:\n  grafana:\n    imagee: grafana/grafana:12.1.1\n');
      const result = composeConfig({}, broken);
      rmSync(dir, { recursive: true, force: true });
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('imagee');
    },
  );

  it('runs Grafana, Prometheus, Alertmanager, an alert log, the demo service and a traffic generator', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'alert-log',
      'alertmanager',
      'app',
      'grafana',
      'prometheus',
      'traffic',
    ]);
  });

  it('mounts the generated rule files and deploy/alertmanager.yml read-only, and lets a build reload Prometheus', () => {
    expect(service('prometheus').volumes).toContain('../prometheus/rules:/etc/prometheus/rules:ro');
    expect(service('prometheus').command).toContain('--web.enable-lifecycle');
    expect(service('alertmanager').volumes).toContain('./alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro');
    expect(service('alertmanager').command).toContain('--config.file=/etc/alertmanager/alertmanager.yml');
    // Single instance: no gossip, so the first notification never waits for peers to settle.
    expect(service('alertmanager').command).toContain('--cluster.listen-address=');
    expect(service('alertmanager').image).toMatch(/^prom\/alertmanager:v0\.\d+\.\d+$/);
  });

  it('serves Alertmanager where deploy/prometheus.yml sends alerts, and alert-log where alertmanager.yml posts', () => {
    const prometheus = parse(readFileSync(join(root, 'deploy', 'prometheus.yml'), 'utf8')) as {
      alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
    };
    const targets = prometheus.alerting.alertmanagers.flatMap((a) => a.static_configs.flatMap((c) => c.targets));
    expect(targets).toEqual(['alertmanager:9093']);
    expect(service('alertmanager').ports).toContain('127.0.0.1:9093:9093');
    const am = parse(readFileSync(join(root, 'deploy', 'alertmanager.yml'), 'utf8')) as {
      receivers: { name: string; webhook_configs?: { url: string }[] }[];
    };
    const urls = am.receivers.flatMap((r) => (r.webhook_configs ?? []).map((w) => new URL(w.url)));
    expect(urls.map((u) => u.host)).toEqual(['alert-log:8099', 'alert-log:8099']);
    expect(service('alert-log').command).toEqual(['-listen=:8099']);
    const build = service('alert-log').build;
    expect(existsSync(join(root, 'deploy', build?.context ?? '', build?.dockerfile ?? ''))).toBe(true);
  });

  it('pins every image to an explicit version tag, never latest', () => {
    expect(Object.values(compose.services).every((s) => s.image !== undefined)).toBe(true);
    const images = Object.values(compose.services).map((s) => s.image);
    for (const image of images) expect(image).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
    expect(service('prometheus').image).toMatch(/^prom\/prometheus:v3\.\d+\.\d+$/);
  });

  it('runs the Grafana version the build targets by default', () => {
    expect(service('grafana').image).toBe('grafana/grafana:12.1.1');
    expect(service('grafana').image?.split(':')[1]?.startsWith(`${DEFAULT_CONFIG.grafanaVersion}.`)).toBe(true);
  });

  it('mounts provisioning/ read-only where the provider YAML expects it', () => {
    expect(service('grafana').volumes).toContain(`../provisioning:${DEFAULT_CONFIG.mountPath}:ro`);
    expect(DEFAULT_CONFIG.mountPath).toBe('/etc/grafana/provisioning');
  });

  it('allows anonymous viewers and reads the admin password from the environment', () => {
    expect(service('grafana').environment).toMatchObject({
      GF_AUTH_ANONYMOUS_ENABLED: 'true',
      GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer',
      GF_SECURITY_ADMIN_PASSWORD: '${GRAFANA_ADMIN_PASSWORD:-admin}',
    });
  });

  it('passes PROMETHEUS_PASSWORD to Grafana, which the built datasource references for basic auth', () => {
    const withAuth = datasourceYaml({
      ...DEFAULT_CONFIG,
      datasource: { ...DEFAULT_CONFIG.datasource, basicAuthUser: 'alice' },
    });
    expect(withAuth).toContain('basicAuthPassword: $PROMETHEUS_PASSWORD');
    expect(service('grafana').environment?.PROMETHEUS_PASSWORD).toBe('${PROMETHEUS_PASSWORD:-}');
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('serves Prometheus where the default datasource URL points, with deploy/prometheus.yml read-only', () => {
    const url = new URL(DEFAULT_CONFIG.datasource.url);
    expect(compose.services[url.hostname]).toBeDefined();
    expect(url.hostname).toBe('prometheus');
    expect(service('prometheus').volumes).toContain('./prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(service('prometheus').command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    expect(service('prometheus').ports).toContain(`127.0.0.1:${url.port}:9090`);
  });

  it('builds the demo service from examples/go-service and makes it listen on app:8080 for the scrape job', () => {
    const build = service('app').build;
    expect(build).toEqual({ context: '../examples/go-service', dockerfile: '../../deploy/app.Dockerfile' });
    const deployDir = join(root, 'deploy');
    expect(existsSync(join(deployDir, build?.context ?? '', build?.dockerfile ?? ''))).toBe(true);
    expect(service('app').command).toEqual(['-listen=:8080']);
    const prometheus = readFileSync(join(deployDir, 'prometheus.yml'), 'utf8');
    expect(prometheus).toContain("targets: ['app:8080']");
  });
});

describe('deploy/app.Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'deploy', 'app.Dockerfile'), 'utf8');

  it('pins its base images and builds a static binary that listens on all interfaces', () => {
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases).toEqual(['golang:1.24-alpine', 'gcr.io/distroless/static-debian12:nonroot']);
    expect(dockerfile).toMatch(/CGO_ENABLED=0/);
    expect(dockerfile).toMatch(/go get github\.com\/prometheus\/client_golang@v\d+\.\d+\.\d+/);
    expect(dockerfile).toContain('CMD ["-listen=:8080"]');
  });
});

describe('deploy/docker-compose.yml traffic', () => {
  it('sends a mix whose service-wide error share stays under every shipped availability alert (a quiet stack)', () => {
    const traffic = service('traffic');
    const routes = traffic.environment?.ROUTES?.split(/\s+/) ?? [];
    const checkoutEvery = Number(traffic.environment?.CHECKOUT_EVERY);
    const script = traffic.command?.join('\n') ?? '';
    expect(script).toContain('for path in $$ROUTES; do');
    expect(script).toContain('$$((i % CHECKOUT_EVERY))');
    expect(routes).not.toContain('/api/checkout');
    // The demo's only failing route, by design: every failEvery-th checkout answers 500.
    const main = readFileSync(join(root, 'examples', 'go-service', 'main.go'), 'utf8');
    const failEvery = Number(/path: "\/api\/checkout".*failEvery: (\d+)/.exec(main)?.[1]);
    expect([routes.length, checkoutEvery, failEvery]).toEqual([3, 20, 20]);
    const share = 1 / (failEvery * (checkoutEvery * routes.length + 1));
    // The lowest error share a shipped availability alert fires on: the error-ratio page (0.5 %) and the SLO burn
    // rates down to the 1× ticket (the whole budget: 0.1 % for 99.9 %).
    const doc = parse(readFileSync(join(root, 'prometheus', 'rules', 'go-services', 'go-service.yaml'), 'utf8')) as {
      groups: { rules: { alert?: string; expr: string }[] }[];
    };
    const exprs = doc.groups
      .flatMap((g) => g.rules)
      .filter((r) => r.alert === 'GoServiceHighErrorRatio' || r.alert === 'GoServiceAvailabilityBudgetBurn')
      .map((r) => r.expr);
    expect(exprs).toHaveLength(3);
    const lowest = Math.min(...exprs.flatMap((e) => [...e.matchAll(/> (0\.\d+)/g)].map((m) => Number(m[1]))));
    expect(lowest).toBe(0.001);
    expect(share).toBeCloseTo(1 / 1220, 10);
    expect(share).toBeLessThan(lowest);
  });
});
