/**
 * Grafana's dashboard uid rule: letters, digits, `-`, `_`, at most 40 characters. Grafana rejects anything else with
 * "uid contains illegal characters" / "uid too long" (`pkg/util/shortid_generator.go`, `IsValidShortUID`, and
 * `MaxUIDLength` in `pkg/services/dashboards/models.go`). The same rule holds for datasource uids.
 */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const MAX_UID_LENGTH = 40;
