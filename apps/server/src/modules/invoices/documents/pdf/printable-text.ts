/** What the font needs to answer: whether it has a glyph for a character. */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Whitespace and controls a line of text may carry, as they are set: a tab is a space, a CR nothing. */
const CONTROLS: Record<string, string> = { '\t': ' ', '\r': '' };

const replacements = new WeakMap<GlyphCoverage, Map<string, string>>();

function replacementOf(character: string, font: GlyphCoverage): string {
  const covered = (text: string) => [...text].every((part) => font.hasGlyphForCodePoint(part.codePointAt(0)!));
  if (covered(character)) return character;
  // Without the accented letter the font may still have the letter itself (or a compatibility form).
  const decomposed = character.normalize('NFKD').replace(/\p{Mark}/gu, '');
  return decomposed !== '' && covered(decomposed) ? decomposed : '?';
}

/**
 * The text as the font can print it. A character without a glyph would print as an empty box and
 * be lost to whoever copies the text, so it loses an accent the font lacks, or else becomes "?".
 * Line breaks stay; ASCII is passed through as it is.
 */
export function toPrintable(text: string, font: GlyphCoverage): string {
  if (/^[\n\x20-\x7e]*$/.test(text)) return text;
  let known = replacements.get(font);
  if (!known) replacements.set(font, (known = new Map()));
  let result = '';
  for (const character of text) {
    if (character === '\n' || (character >= ' ' && character <= '~')) {
      result += character;
      continue;
    }
    let replacement = CONTROLS[character] ?? known.get(character);
    if (replacement === undefined) known.set(character, (replacement = replacementOf(character, font)));
    result += replacement;
  }
  return result;
}
