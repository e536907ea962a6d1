import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface NormalizedPhoneNumber {
  /** `+31612345678`: the stored, indexed form that lookups (VoIP caller id) match on. */
  e164: string;
  /** The number as dialled inside its own country, digits only (`0612345678`): what people type in a search box. */
  nationalDigits: string;
  /** ISO 3166 alpha-2 country of the number, when the metadata knows it. */
  country: string | null;
}

/**
 * Domain rule §6.3: any written form (`06-1234 5678`, `+31 (0)6 1234 5678`, `0031 6 12345678`)
 * to E.164, default region NL. The full ("max") metadata checks the number ranges per country;
 * the default metadata only checks lengths and lets numbers like `06 1234567` through.
 * Returns null for anything that is not a valid number.
 */
export function normalizePhoneNumber(input: string, defaultRegion: CountryCode = 'NL'): NormalizedPhoneNumber | null {
  const trimmed = input.trim();
  if (!/\d/.test(trimmed) || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (!parsed || !parsed.isValid()) return null;
  return {
    e164: parsed.number,
    nationalDigits: parsed.formatNational().replace(/\D/g, ''),
    country: parsed.country ?? null,
  };
}

export function isValidPhoneNumber(input: string): boolean {
  return normalizePhoneNumber(input) !== null;
}

/** For display: `+31612345678` → `06 12345678` at home, `+32 470 12 34 56` abroad. */
export function formatPhoneNumber(e164: string, homeRegion: CountryCode = 'NL'): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === homeRegion ? parsed.formatNational() : parsed.formatInternational();
}
