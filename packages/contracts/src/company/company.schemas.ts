import { z } from 'zod';
import {
  bic,
  clearable,
  countryCode,
  email,
  iban,
  kvkNumber,
  sepaCreditorId,
  timestamp,
  vatNumber,
} from '../common/fields.ts';

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/**
 * Days a customer has to pay when neither the invoice nor the customer says otherwise: the
 * tenant's default until the tenant sets its own in the company profile.
 */
export const DEFAULT_PAYMENT_TERM_DAYS = 14;

/** A payment term in whole days, 0 (pay at once) to a year. */
export const paymentTermDays = z
  .number({ message: 'invalid_type' })
  .int({ message: 'invalid_type' })
  .min(0, { message: 'too_small' })
  .max(365, { message: 'too_large' });

/** The tenant's own legal and contact details: what every quote and invoice prints. */
export const company = z.object({
  object: z.literal('company'),
  tenant_id: z.uuid(),
  legal_name: z.string(),
  trading_name: z.string().nullable(),
  street: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  kvk_number: z.string().nullable(),
  vat_number: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  /** Incassant-ID for SEPA direct debit (domain rule §5.3); needed before collecting by mandate. */
  sepa_creditor_id: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  /** The tenant's default payment term; a customer's own term and an invoice's own term win. */
  default_payment_term_days: z.number().int(),
  has_logo: z.boolean(),
  version: z.number().int(),
  updated_at: timestamp,
});
export type Company = z.infer<typeof company>;

export const updateCompany = z.strictObject({
  legal_name: text(200).min(1, { message: 'required' }).optional(),
  trading_name: clearable(text(200)),
  street: clearable(text(200)),
  postal_code: clearable(text(20)),
  city: clearable(text(100)),
  country: countryCode.optional(),
  kvk_number: clearable(kvkNumber),
  vat_number: clearable(vatNumber),
  iban: clearable(iban),
  bic: clearable(bic),
  sepa_creditor_id: clearable(sepaCreditorId),
  email: clearable(email),
  phone: clearable(text(40)),
  website: clearable(text(200).regex(/^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i, { message: 'invalid_url' })),
  default_payment_term_days: paymentTermDays.optional(),
});
export type UpdateCompany = z.infer<typeof updateCompany>;
