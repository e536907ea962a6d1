import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The fonts every document is set in: Arimo (SIL Open Font License 1.1, from the npm package
 * `@expo-google-fonts/arimo`), regular, bold and italic. It has the metrics of Arial and so of
 * Helvetica, which the layout was made for, and covers Latin with Latin Extended (Polish, Czech,
 * Turkish, Hungarian, …), Greek, Cyrillic and Vietnamese, where the standard PDF fonts know only
 * WinAnsi ("Łódź" printed as "Lódz"). PDFKit embeds a subset of the glyphs a document uses, so
 * any reader shows it alike; the subset of the same text is the same bytes, so a render stays
 * deterministic.
 *
 * Parsing a font and preparing its layout tables costs far more than a whole render, so each font
 * is parsed once per process, on the first document, and shared: PDFKit takes a parsed fontkit
 * font as well as a file, and every document makes its own subset of it.
 */
export type FontStyle = 'regular' | 'bold' | 'italic';

const FILES: Record<FontStyle, string> = {
  regular: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italic: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
};

/** fontkit's cache of glyph objects (fontkit 2.0.4, pinned), which `forNewDocument` empties. */
type GlyphCachingFont = fontkit.Font & { _glyphs: Record<number, unknown> };

let parsed: Record<FontStyle, GlyphCachingFont> | null = null;

function load(): Record<FontStyle, GlyphCachingFont> {
  const folder = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/arimo/package.json'));
  const open = (file: string) => {
    const font = fontkit.create(readFileSync(path.join(folder, file))) as GlyphCachingFont;
    if (typeof font._glyphs !== 'object')
      throw new Error('fontkit keeps its glyph cache elsewhere now: see forNewDocument in document-fonts.ts');
    return font;
  };
  return { regular: open(FILES.regular), bold: open(FILES.bold), italic: open(FILES.italic) };
}

/** The parsed fonts, for what only reads them (which characters they cover). */
export function documentFonts(): Readonly<Record<FontStyle, fontkit.Font>> {
  parsed ??= load();
  return parsed;
}

/**
 * The fonts for the next document, with an empty glyph cache. fontkit caches a glyph object with
 * the characters it was first met for; a glyph first met as a component of an accented one while
 * a subset is written ("S" inside "Ş") is cached with none (fontkit issue #154), and a later
 * document would lose that letter from its text layer: its bytes would depend on what the process
 * rendered before. Emptying the cache per document keeps every render on its own; the parsed
 * tables stay shared. A render runs synchronously from its first text to `doc.end()` (subset
 * included), so two documents never use the fonts at the same time.
 */
export function forNewDocument(): Readonly<Record<FontStyle, fontkit.Font>> {
  parsed ??= load();
  for (const font of Object.values(parsed)) font._glyphs = {};
  return parsed;
}

/** Makes the fonts known to a new document by their style names (`doc.font('bold')`). */
export function registerDocumentFonts(doc: PDFKit.PDFDocument): void {
  for (const [style, font] of Object.entries(forNewDocument()))
    // PDFKit 0.20 opens a parsed fontkit font as it opens a file (PDFFontFactory.open); its types only list files.
    doc.registerFont(style, font as unknown as PDFKit.Mixins.PDFFontSource);
}
