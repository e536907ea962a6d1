/**
 * Text in a SEPA file (names, remittance information, mandate ids) may use only the basic Latin set
 * of the EPC implementation guidelines: a-z A-Z 0-9 / - ? : ( ) . , ' + and space (domain rules
 * §5.1). Banks reject or garble anything else, so text is transliterated before it goes in:
 * `Café Ünal & Zn.` → `Cafe Unal + Zn.`.
 */
const SEPA_CHARACTER = /[a-zA-Z0-9/\-?:().,'+ ]/;

/** Letters and signs that Unicode decomposition does not reduce to the set on its own. */
const REPLACEMENTS: Record<string, string> = {
  '&': '+',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  '‘': "'",
  '’': "'",
  '`': "'",
  '´': "'",
  '"': "'",
  '“': "'",
  '”': "'",
  '–': '-',
  '—': '-',
  _: '-',
  '€': 'EUR',
};

/**
 * The text in the SEPA character set, at most `maxLength` characters (e.g. 70 for a name, 140 for
 * unstructured remittance information, 35 for an id). Accents are dropped (NFKD splits é into e and
 * a combining mark), the replacements above applied, any other character becomes a space, and runs
 * of spaces collapse so a cut at `maxLength` keeps as much meaning as possible.
 */
export function toSepaText(text: string, maxLength: number): string {
  const transliterated = [...text.normalize('NFKD')]
    .map((character) => {
      if (SEPA_CHARACTER.test(character)) return character;
      if (character in REPLACEMENTS) return REPLACEMENTS[character];
      return /\p{M}/u.test(character) ? '' : ' ';
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return transliterated.slice(0, maxLength).trimEnd();
}
