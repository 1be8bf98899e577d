/** PromQL value types, named as Prometheus names them in its messages. */
export type ValueType = 'scalar' | 'instant vector' | 'range vector' | 'string';
