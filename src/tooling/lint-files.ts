import type { SourceFile } from '../model/source-file.ts';
import type { MetricCatalog } from '../catalog/metric-catalog.ts';
import { prometheusVersionOf, type PanelcraftConfig } from '../config/config.ts';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { runRules, type RuleSet } from '../validate/engine.ts';
import type { DashboardDocument } from '../validate/rule.ts';
import { applyRuleConfig, configuredDocument, type RuleConfig } from '../validate/rule-config.ts';
import { grafanaTarget } from '../model/grafana-version.ts';
import { allRules } from '../validate/rules/index.ts';
import { foldImplied } from '../lint/fold-implied.ts';
import { MAX_JSON_BYTES, parseJsonSource, tooLarge } from '../lint/parse-json-source.ts';
import { unwrapDashboard } from '../lint/unwrap-dashboard.ts';
import { isRuleFileName, lintRuleFiles } from '../lint/lint-rule-files.ts';
import { DEFAULT_CONFIG } from '../config/config.ts';
import { parsePrometheusDuration } from '../model/prometheus-duration.ts';

export interface LintOptions {
  /** `datasource.scrapeInterval` is the interval rule-file ranges are checked against. */
  readonly config?: Partial<
    Pick<PanelcraftConfig, 'grafanaVersion' | 'rules' | 'exclusions' | 'prometheus' | 'datasource'>
  >;
  readonly catalog?: MetricCatalog;
  /** @default allRules */
  readonly ruleSet?: RuleSet;
}

export interface LintResult {
  /** Sorted by file, pointer, rule. */
  readonly diagnostics: Diagnostic[];
  readonly files: number;
}

/**
 * Lints dashboard files: parse, unwrap, run the one rule set (origin `lint`), fold what old formats imply. `.yaml`
 * and `.yml` files are Prometheus rule files and go through the rule-file rules instead.
 * Pure and total: bad input becomes diagnostics, never an exception.
 */
export function lintFiles(sources: readonly SourceFile[], options: LintOptions = {}): LintResult {
  const config: RuleConfig = { rules: options.config?.rules ?? {}, exclusions: options.config?.exclusions ?? [] };
  const target = grafanaTarget(options.config?.grafanaVersion);
  const out: Diagnostic[] = [];
  const docs: DashboardDocument[] = [];
  const inside = new Map<string, string>();
  const scrape = parsePrometheusDuration(
    options.config?.datasource?.scrapeInterval ?? DEFAULT_CONFIG.datasource.scrapeInterval,
  );
  const rules = lintRuleFiles(
    sources.filter((s) => isRuleFileName(s.file)),
    {
      scrapeIntervalMs: 'ms' in scrape ? scrape.ms : 15_000,
      prometheusVersion: prometheusVersionOf(options.config ?? {}),
      config,
    },
  );
  for (const { file, text, bytes } of sources.filter((s) => !isRuleFileName(s.file))) {
    const parsed = bytes !== undefined && bytes > MAX_JSON_BYTES ? tooLarge(bytes) : parseJsonSource(text);
    if (!parsed.ok) {
      const fix = parsed.fix ?? 'fix the JSON syntax (the file must hold one dashboard object)';
      out.push({
        rule: parsed.rule ?? 'json-invalid',
        severity: 'error',
        file,
        pointer: '',
        message: parsed.message,
        fix,
      });
      continue;
    }
    const { dashboard, at, findings } = unwrapDashboard(parsed.value, target);
    if (at) inside.set(file, at);
    for (const f of findings)
      out.push({ rule: f.rule, severity: f.severity, file, pointer: f.pointer, message: f.message, fix: f.fix });
    if (dashboard) {
      const folder = provisionedFolder(file);
      docs.push({ file, ...(folder !== undefined ? { folder } : {}), dashboard });
    }
  }
  const ruled = runRules(docs, options.ruleSet ?? allRules, {
    origin: 'lint',
    prometheusVersion: prometheusVersionOf(options.config ?? {}),
    ...(options.catalog ? { catalog: options.catalog } : {}),
  })
    // Rules see the unwrapped dashboard; pointers shown to users point into the file.
    .map((d) => (inside.has(d.file) ? { ...d, pointer: `${inside.get(d.file)}${d.pointer}` } : d));
  const configured = [
    ...applyRuleConfig([...out, ...ruled], config, docs.map(configuredDocument)),
    // Rule-file rules apply levels and exclusions themselves; the front door's findings get them here.
    ...applyRuleConfig(rules.frontDoor, config, []),
    ...rules.ruled,
  ];
  return { diagnostics: sortDiagnostics(foldImplied(configured)), files: sources.length };
}

/**
 * The Grafana folder a provisioned file lands in: `provisioning/dashboards/<folder>/x.json` is in `<folder>`
 * (a provider with foldersFromFilesStructure, as panelcraft writes it, names folders after the last level);
 * a file directly in `provisioning/dashboards/`, or anywhere else, is in General (`undefined`).
 */
export function provisionedFolder(file: string): string | undefined {
  const parts = file.split('/');
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i] === 'dashboards' && parts[i - 1] === 'provisioning') {
      const below = parts.slice(i + 1);
      return below.length >= 2 ? below[below.length - 2] : undefined;
    }
  }
  return undefined;
}
