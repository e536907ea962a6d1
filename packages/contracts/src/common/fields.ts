import { z } from 'zod';
import {
  isValidBic,
  isValidIban,
  isValidKvkNumber,
  isValidPhoneNumber,
  isValidSepaCreditorId,
  isValidVatNumber,
  normalizeIdentifier,
} from '../identifiers/index.ts';

/**
 * Field builders shared by every contract. A refinement's message is a stable snake_case code:
 * the server returns it as `errors[].code` and the web app uses it as its translation key.
 */
export const kvkNumber = z
  .string()
  .trim()
  .refine(isValidKvkNumber, { message: 'invalid_kvk_number' })
  .transform(normalizeIdentifier);

export const vatNumber = z
  .string()
  .trim()
  .refine(isValidVatNumber, { message: 'invalid_vat_number' })
  .transform(normalizeIdentifier);

export const iban = z.string().trim().refine(isValidIban, { message: 'invalid_iban' }).transform(normalizeIdentifier);

/** The tenant's SEPA creditor identifier (domain rule §5.3), stored without spaces in upper case. */
export const sepaCreditorId = z
  .string()
  .trim()
  .refine(isValidSepaCreditorId, { message: 'invalid_sepa_creditor_id' })
  .transform(normalizeIdentifier);

export const bic = z.string().trim().refine(isValidBic, { message: 'invalid_bic' }).transform(normalizeIdentifier);

/** A phone number as typed; valid when it parses to E.164 (domain rule §6.3, default region NL). */
export const phoneNumber = z
  .string()
  .trim()
  .max(40, { message: 'invalid_phone' })
  .refine(isValidPhoneNumber, { message: 'invalid_phone' });

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'invalid_email' }));

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'invalid_country' });

export const locale = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof locale>;

export const uuid = z.uuid({ message: 'invalid_id' });

/** Optional text that may be cleared: '' and null both mean "no value". */
export function clearable<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? null : value), schema.nullable()).optional();
}

export const timestamp = z.iso.datetime({ offset: true });
