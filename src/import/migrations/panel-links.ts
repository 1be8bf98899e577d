import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.ts';

/**
 * A pre-Grafana-6.4 panel link (`{type: "dashboard", dashboard, dashUri, keepTime, includeVars, params}`) as a data
 * link `{title, url, targetBlank}`, as DashboardMigrator's upgradePanelLink does at load: the URL of the named
 * dashboard, `$__url_time_range` for keepTime and `$__all_variables` for includeVars. Other links are returned as
 * they are. Pure.
 */
export function upgradePanelLink(link: JsonValue): JsonValue {
  if (!isLegacyPanelLink(link)) return link;
  let url = typeof link.url === 'string' ? link.url : '';
  if (!url && typeof link.dashboard === 'string' && link.dashboard !== '')
    url = `dashboard/db/${slugifyForUrl(link.dashboard)}`;
  if (!url && typeof link.dashUri === 'string' && link.dashUri !== '') url = `dashboard/${link.dashUri}`;
  if (!url) url = '/';
  if (link.keepTime === true) url = appendQuery(url, '$__url_time_range');
  if (link.includeVars === true) url = appendQuery(url, '$__all_variables');
  if (typeof link.params === 'string' && link.params !== '') url = appendQuery(url, link.params);
  const out: JsonObject = { title: typeof link.title === 'string' ? link.title : '', url };
  if (typeof link.targetBlank === 'boolean') out.targetBlank = link.targetBlank;
  return out;
}

/** A panel link in the old format: it has `type` (dashboard/absolute) or `dashUri`/`dashboard`, which data links never have. */
export function isLegacyPanelLink(link: JsonValue): link is JsonObject {
  return isJsonObject(link) && ('type' in link || 'dashUri' in link || 'dashboard' in link);
}

function slugifyForUrl(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\w ]+/g, '')
    .replace(/ +/g, '-');
}

function appendQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}
