/** The value a template variable stands for while a dashboard is evaluated. */
export interface VariableValue {
  readonly name: string;
  /** One value, or several for multi-value and "All" selections. */
  readonly values: readonly string[];
  /** Display texts, parallel to `values`. */
  readonly texts: readonly string[];
  /** Multi-value or include-All variables are formatted as a regex alternation in PromQL. */
  readonly multiOrAll: boolean;
  /** The variable's custom "All" value, used verbatim when "All" is selected. */
  readonly allValue?: string;
  readonly isAll: boolean;
}

/** Special value Grafana stores in `current.value` for the "All" option. */
export const ALL_VALUE = '$__all';
