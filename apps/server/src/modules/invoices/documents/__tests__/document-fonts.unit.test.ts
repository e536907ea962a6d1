import { describe, expect, it } from 'vitest';
import { documentFonts, forNewDocument } from '../pdf/document-fonts.ts';

describe('document fonts', () => {
  it('are parsed once and shared by every document', () => {
    expect(forNewDocument().bold).toBe(documentFonts().bold);
    expect(forNewDocument().regular).toBe(forNewDocument().regular);
  });

  it('give each document glyphs that no earlier document has written to (fontkit issue #154)', () => {
    const { bold } = forNewDocument();
    // Drawing "Ş" reads its components, so fontkit caches "S" without the character it stands for.
    void bold.layout('Ş').glyphs[0]!.path;
    expect(bold.layout('S').glyphs[0]!.codePoints).toEqual([]);
    // The next document starts clean: "S" stands for "S" again.
    expect(forNewDocument().bold.layout('S').glyphs[0]!.codePoints).toEqual(['S'.codePointAt(0)]);
  });
});
