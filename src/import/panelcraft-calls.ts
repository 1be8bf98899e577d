import { arrayAt, isJsonObject, type JsonObject } from '../model/json.ts';
import { call, raw, type ChainCall, type Code } from './code.ts';
import type { ImportList } from './import-list.ts';
import type { RecognizedPanel } from './recognize-panels.ts';
import { jsonCode } from './typed-code.ts';

/** A panel recognized as panelcraft's, where it is and what was done with it. */
export interface PanelcraftMatch {
  readonly pointer: string;
  readonly title: string;
  readonly recognized: RecognizedPanel;
  readonly replaced: boolean;
}

/**
 * Marks the `withPanel(…)` calls of a planned dashboard chain whose panel is recognizably one of panelcraft's: a
 * comment naming the call that would replace it, or with `replace`, that call itself (kept at its place and id:
 * `requestRate({ convention: clientGolang() }).gridPos({…}).id(7)`). Panels inside collapsed rows too. Pure.
 */
export function markPanelcraftPanels(
  code: Code,
  dashboard: JsonObject,
  recognize: (panel: JsonObject) => RecognizedPanel | undefined,
  replace: boolean,
  imports: ImportList,
): { code: Code; matches: PanelcraftMatch[] } {
  const matches: PanelcraftMatch[] = [];
  const markCalls = (calls: readonly ChainCall[], panels: readonly JsonObject[], base: string): ChainCall[] => {
    let index = 0;
    return calls.map((c) => {
      if (c.name !== 'withPanel' && c.name !== 'withRow') return c;
      const panel = panels[index];
      const pointer = `${base}/${index}`;
      index++;
      if (!panel) return c;
      if (c.name === 'withRow') {
        const row = c.args[0];
        if (row?.t !== 'chain') return c;
        const children = arrayAt(panel, 'panels').filter(isJsonObject);
        return { ...c, args: [{ ...row, calls: markCalls(row.calls, children, `${pointer}/panels`) }] };
      }
      const recognized = recognize(panel);
      if (!recognized) return c;
      const title = typeof panel.title === 'string' ? panel.title : '';
      matches.push({ pointer, title, recognized, replaced: replace });
      if (!replace)
        return {
          ...c,
          comment: `panelcraft: ${recognized.call} writes these queries (--use-panelcraft writes that call)`,
        };
      return { ...c, args: [panelcraftCall(recognized, panel, imports)] };
    });
  };
  const panels = arrayAt(dashboard, 'panels').filter(isJsonObject);
  if (code.t === 'chain') return { code: { ...code, calls: markCalls(code.calls, panels, '/panels') }, matches };
  if (code.t === 'call' && code.args[0]?.t === 'chain') {
    const chain = code.args[0];
    return {
      code: { ...code, args: [{ ...chain, calls: markCalls(chain.calls, panels, '/panels') }, ...code.args.slice(1)] },
      matches,
    };
  }
  return { code, matches };
}

function panelcraftCall(recognized: RecognizedPanel, panel: JsonObject, imports: ImportList): Code {
  const options: [string, Code][] = [['convention', call(`${imports.helper(recognized.convention)}`, [])]];
  if (recognized.kpi !== undefined) options.push(['kpi', jsonCode(recognized.kpi)]);
  const calls: ChainCall[] = [];
  if (isJsonObject(panel.gridPos)) calls.push({ name: 'gridPos', args: [jsonCode(panel.gridPos)] });
  if (typeof panel.id === 'number') calls.push({ name: 'id', args: [raw(String(panel.id))] });
  const head = call(imports.helper(recognized.fn), [{ t: 'obj', entries: options }]);
  return calls.length === 0 ? head : { t: 'chain', head, calls };
}
