import { mod97, normalizeIdentifier } from './normalize-identifier.ts';

/**
 * Dutch btw-id (domain rule §6.2): NL + 9 digits + B + 2 digits, digits not all zero, suffix not 00,
 * valid by the elfproef (older ids) or by mod 97 over the whole string (sole-trader ids since 2020).
 */
export function isValidDutchVatNumber(input: string): boolean {
  const vat = normalizeIdentifier(input);
  const match = /^NL(\d{9})B(\d{2})$/.exec(vat);
  if (!match) return false;
  const [, digits = '', suffix = ''] = match;
  if (/^0+$/.test(digits) || suffix === '00') return false;
  return passesElfproef(digits) || mod97(vat) === 1;
}

function passesElfproef(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nineDigits[i]) * (9 - i);
  return (sum - Number(nineDigits[8])) % 11 === 0;
}

/**
 * Other EU VAT ids: only the shape is checked here (country prefix + 2–13 alphanumerics);
 * the authoritative check is VIES, which later modules store with the document.
 */
const EU_VAT_PREFIXES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'XI',
];

export function isValidVatNumber(input: string): boolean {
  const vat = normalizeIdentifier(input);
  if (vat.startsWith('NL')) return isValidDutchVatNumber(vat);
  if (vat.startsWith('BE')) return /^BE[01]\d{9}$/.test(vat) && belgianCheck(vat.slice(2));
  const prefix = vat.slice(0, 2);
  return EU_VAT_PREFIXES.includes(prefix) && /^[A-Z0-9]{2,13}$/.test(vat.slice(2));
}

/** Belgian enterprise number: the last two digits are 97 − (first eight mod 97). */
function belgianCheck(tenDigits: string): boolean {
  return 97 - (Number(tenDigits.slice(0, 8)) % 97) === Number(tenDigits.slice(8));
}
