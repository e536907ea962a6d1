import { normalizeIdentifier, normalizePhoneNumber } from '@clientbox/contracts';

/**
 * What the one search box matches, kept in `search_text` on every write: lower-cased names,
 * e-mail addresses, identifiers, and each phone number both as E.164 (`+31612345678`) and as
 * dialled at home (`0612345678`), so a number typed either way is found.
 */
export function buildSearchText(parts: {
  names: (string | null | undefined)[];
  emails?: (string | null | undefined)[];
  phoneNumbers?: (string | null | undefined)[];
  identifiers?: (string | null | undefined)[];
}): string {
  const tokens: string[] = [];
  const add = (value: string | null | undefined) => {
    const token = value?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (token && !tokens.includes(token)) tokens.push(token);
  };
  parts.names.forEach(add);
  parts.emails?.forEach(add);
  for (const e164 of parts.phoneNumbers ?? []) {
    if (!e164) continue;
    add(e164);
    add(normalizePhoneNumber(e164)?.nationalDigits);
  }
  parts.identifiers?.forEach(add);
  return tokens.join(' ');
}

export interface SearchQuery {
  /** Lower-cased, single spaces: compared with whole names and used for similarity. */
  text: string;
  /** Every word must occur (in any order); a number loses its separators (`020-123 4` → `0201234`). */
  words: string[];
  /** The query as a valid phone number, default region NL. */
  e164: string | null;
  /** The query without spaces, dots and dashes, upper-cased: KvK, VAT, debtor or creditor number as stored. */
  identifier: string | null;
  /** Only digits and separators: no typo tolerance (a wrong digit is another number). */
  isNumeric: boolean;
}

export function parseSearchQuery(raw: string): SearchQuery {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const isNumeric = /^[\d\s().+/-]+$/.test(text);
  const e164 = normalizePhoneNumber(text)?.e164 ?? null;
  // A number typed in groups ("0612 34") is one number: its digits in a row; a whole phone number its E.164 form.
  const words = (isNumeric ? (e164 ?? text.replace(/[^\d+]/g, '')) : text)
    .split(' ')
    .map((word) => (/^[\d\s().+/-]+$/.test(word) && /\d/.test(word) ? word.replace(/[^\d+]/g, '') : word))
    .filter((word) => word.length > 0);
  const compact = normalizeIdentifier(text).replace(/[()/]/g, '');
  return {
    text,
    words: [...new Set(words)],
    e164,
    identifier: /^[A-Z0-9]{5,20}$/.test(compact) && /\d/.test(compact) ? compact : null,
    isNumeric,
  };
}

/** `%` and `_` are LIKE wildcards and `\` its escape: a query containing them means the characters. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
