/**
 * What the trigram search compares: lower case without diacritics ("Café" finds "cafe"), so the
 * query is normalized the same way. pg_trgm's `unaccent` is not available on every installation
 * (PGlite), so this happens here, when the row is written.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function productSearchText(product: { code: string; name: string }): string {
  return normalizeSearchText(`${product.code} ${product.name}`);
}
