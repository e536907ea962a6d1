/**
 * The standard PDF fonts (Helvetica) only know the WinAnsi character set: ASCII, Latin-1 and a
 * few extras such as € – „ ” Š Ž Œ. PDFKit turns any other character into a wrong glyph
 * ("Łódź" would print as "6Az"), so text is first brought into that set: accents that WinAnsi
 * lacks are dropped ("ş" → "s", "ő" → "o"), a few letters without a decomposition are spelled
 * out, and whatever is left becomes "?". Embedding a Unicode font would lift this limit.
 */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const SPELLED_OUT: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\t': ' ',
  '\r': '',
  '\u202f': ' ',
};

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRAS.includes(character)
  );
}

export function toWinAnsi(text: string): string {
  let result = '';
  for (const character of text) {
    if (isWinAnsi(character)) {
      result += character;
      continue;
    }
    const spelled = SPELLED_OUT[character];
    if (spelled !== undefined) {
      result += spelled;
      continue;
    }
    const base = character.normalize('NFD').replace(/\p{Mark}/gu, '');
    result += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return result;
}
