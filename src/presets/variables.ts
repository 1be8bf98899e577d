import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { Convention } from '../conventions/convention.ts';
import { text, type Locale } from '../i18n/locale.ts';
import { checkLocale } from '../panels/check-options.ts';
import { DATASOURCE_REF } from '../model/datasource-variable.ts';
import { scopeMatchers, type ScopeLabel } from '../queries/scope.ts';
import type { Matchers } from '../queries/selector.ts';
import { labelValues } from '../queries/variable-queries.ts';

/** The dashboard's variables and the matchers every query derives from them. */
export interface DashboardScope {
  readonly variables: readonly cog.Builder<dashboard.VariableModel>[];
  readonly scope: Matchers;
}

export interface ScopeVariablesOptions {
  readonly convention: Convention;
  /** @default 'en' */
  readonly locale?: Locale;
  readonly job?: string;
  readonly cluster?: boolean;
}

const PROMETHEUS_VARIABLE = { type: 'prometheus', uid: DATASOURCE_REF };

/**
 * `datasource` (Prometheus), optional `cluster`, `job` and `instance` variables, each listed from `up` and narrowed
 * by the variables before it, refreshed when the time range changes; plus the scope matchers built from the same list.
 */
export function scopeVariables(options: ScopeVariablesOptions): DashboardScope {
  const { convention, job, cluster = false } = options;
  const locale = checkLocale('scopeVariables()', options.locale);
  const labels: ScopeLabel[] = cluster ? ['cluster', 'job', 'instance'] : ['job', 'instance'];
  const variables: cog.Builder<dashboard.VariableModel>[] = [
    new dashboard.DatasourceVariableBuilder('datasource').label(text(locale, 'variable.datasource')).type('prometheus'),
  ];
  labels.forEach((label, i) => {
    const query = labelValues(convention, label, scopeMatchers(labels.slice(0, i)));
    const variable = new dashboard.QueryVariableBuilder(label)
      .label(text(locale, `variable.${label}`))
      .datasource(PROMETHEUS_VARIABLE)
      .query(query)
      .definition(query)
      .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
      .sort(dashboard.VariableSort.AlphabeticalAsc);
    if (label === 'job') {
      if (job !== undefined) variable.current({ selected: true, text: job, value: job });
    } else {
      variable.multi(true).includeAll(true).allValue('.*').current({ selected: true, text: 'All', value: '$__all' });
    }
    variables.push(variable);
  });
  return { variables, scope: scopeMatchers(labels) };
}
