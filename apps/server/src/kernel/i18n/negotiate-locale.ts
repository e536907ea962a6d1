import type { Locale } from './translate.ts';

/**
 * Picks nl or en from an Accept-Language header (RFC 9110 §12.5.4): the supported language with
 * the highest q-value wins, earlier entries win ties, q=0 means "not this one". Only the primary
 * subtag counts, so nl-BE (Flemish readers) gets Dutch.
 */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'nl'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [range = '', ...options] = part.split(';').map((piece) => piece.trim());
      const quality = options.find((option) => /^q=/i.test(option));
      return {
        language: range.split('-')[0]!.toLowerCase(),
        quality: quality === undefined ? 1 : Number(quality.slice(2)),
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  const match = ranked.find((entry) => entry.language === 'nl' || entry.language === 'en');
  return (match?.language as Locale | undefined) ?? fallback;
}
