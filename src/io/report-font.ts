import { readFile } from 'node:fs/promises';
import * as fontkit from 'fontkit';
import { UsageError } from '../model/usage-error.ts';

/** A font for the PDF: the file's bytes and, for a collection (.ttc), which face to use. */
export interface ReportFont {
  readonly file: string;
  readonly data: Uint8Array;
  /** PostScript name of the face inside a collection; absent for a single-face file. */
  readonly face?: string;
}

/** Debian/Ubuntu places of a CJK font with Simplified Chinese glyphs, best first. */
export const SYSTEM_CJK_FONTS: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
];

const INSTALL_HINT =
  'install a CJK font, e.g. `apt-get install fonts-noto-cjk` (Debian/Ubuntu) or `dnf install google-noto-sans-cjk-fonts`, or pass --font FILE (.ttf, .otf or .ttc)';

/** Opens `file` and checks it can draw Chinese; picks the Simplified Chinese face of a collection. */
async function openFont(file: string): Promise<ReportFont | string> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  let opened: fontkit.Font | fontkit.FontCollection;
  try {
    opened = fontkit.create(data);
  } catch (err) {
    return `${file} is not a font fontkit can read: ${(err as Error).message}`;
  }
  const faces: fontkit.Font[] = 'fonts' in opened ? opened.fonts : [opened];
  const face =
    faces.find((f) => /sc\b|SC\b|CJKsc|GB|Hans/i.test(f.postscriptName ?? '') && f.hasGlyphForCodePoint(0x5468)) ??
    faces.find((f) => f.hasGlyphForCodePoint(0x5468));
  if (!face) return `${file} has no Chinese glyphs (no 周)`;
  return { file, data, ...('fonts' in opened ? { face: face.postscriptName } : {}) };
}

/**
 * The font for a report PDF. `--font FILE` wins and must work; otherwise the first system CJK font found. For
 * zh-CN a CJK font is required (the error says what to install); for English the PDF falls back to the built-in
 * Helvetica (`undefined`), which cannot draw non-Latin job names.
 */
export async function findReportFont(
  locale: 'en' | 'zh-CN',
  file: string | undefined,
  candidates: readonly string[] = SYSTEM_CJK_FONTS,
): Promise<ReportFont | undefined> {
  if (file !== undefined) {
    const font = await openFont(file);
    if (typeof font === 'string') throw new UsageError(`--font: ${font}\n  fix: ${INSTALL_HINT}`);
    return font;
  }
  for (const candidate of candidates) {
    const font = await openFont(candidate);
    if (typeof font !== 'string') return font;
  }
  if (locale === 'zh-CN') {
    throw new UsageError(
      `a zh-CN PDF needs a font with Chinese glyphs and none was found (looked in ${candidates.join(', ')})\n  fix: ${INSTALL_HINT}`,
    );
  }
  return undefined;
}
