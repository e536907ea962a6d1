import {
  type Cents,
  formatDecimal,
  formatMoney,
  normalizeIdentifier,
  normalizePercent,
  parseQuantity,
  parseUnitPrice,
  QUANTITY_SCALE,
} from '@clientbox/contracts';
import type { DocumentAddress } from '../document-snapshot.ts';
import type { DocumentLanguage, Labels } from './labels.ts';

/**
 * Display formats of the PDF. Amounts are formatted here, never computed: every total comes from
 * `computeDocumentTotals` and reaches the page through `formatMoney`.
 */

/** "2026-03-02" → "2 maart 2026" / "2 March 2026"; legal dates have no time zone. */
export function formatLegalDate(isoDate: string, labels: Labels): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(day)} ${labels.months[Number(month) - 1]} ${year}`;
}

/** Whole days from one legal date to another (the payment term). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const DAY = 86_400_000;
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / DAY);
}

function localizeNumber(plain: string, language: DocumentLanguage): string {
  const negative = plain.startsWith('-');
  const [whole = '0', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',');
  const decimal = fraction ? `${language === 'nl' ? ',' : '.'}${fraction}` : '';
  return `${negative ? '-' : ''}${grouped}${decimal}`;
}

/** "2.5000" → "2,5" (nl) / "2.5" (en); `negate` for credit notes (domain rules §1.3). */
export function formatQuantity(quantity: string, language: DocumentLanguage, negate: boolean): string {
  const units = parseQuantity(quantity);
  const plain = formatDecimal(negate ? -units : units, QUANTITY_SCALE).replace(/\.?0+$/, '');
  return localizeNumber(plain, language);
}

/** "21.00" → "21%", "5.5" → "5,5%" (nl). */
export function formatPercent(percent: string, language: DocumentLanguage): string {
  return `${localizeNumber(normalizePercent(percent), language)}%`;
}

/**
 * A unit price with 2 to 4 decimals ("€ 12,3456", "€ 85,00"): the cents part through
 * `formatMoney`, so the currency style stays the money module's, then the extra decimals.
 */
export function formatUnitPrice(unitPrice: string, language: DocumentLanguage): string {
  const units = parseUnitPrice(unitPrice);
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  const cents: Cents = absolute / 100n;
  const extra = (absolute % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  const text = formatMoney(cents, language) + extra;
  if (!negative) return text;
  // formatMoney's sign positions: "€ -1,00" (nl), "-€1.00" (en).
  return language === 'nl' ? text.replace('€ ', '€ -') : `-${text}`;
}

/** Payment references and IBANs are read in groups of four (domain rules §6.1, §6.4). */
export function groupsOfFour(identifier: string): string {
  return normalizeIdentifier(identifier).replace(/(.{4})(?=.)/g, '$1 ');
}

const regionNames: Record<DocumentLanguage, Intl.DisplayNames> = {
  nl: new Intl.DisplayNames(['nl'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

export function countryName(code: string, language: DocumentLanguage): string {
  try {
    return regionNames[language].of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Street, postal code and city, and the country when it is not the supplier's own. */
export function addressLines(address: DocumentAddress, homeCountry: string, language: DocumentLanguage): string[] {
  const lines = [address.street, `${address.postal_code}  ${address.city}`.trim()];
  if (address.country.toUpperCase() !== homeCountry.toUpperCase()) lines.push(countryName(address.country, language));
  return lines;
}
