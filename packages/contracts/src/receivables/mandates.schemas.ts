import { z } from 'zod';
import { bic, clearable, email, iban, locale, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/**
 * A mandate reference (`MndtId`, domain rule §5.2): at most 35 characters of the SEPA set
 * without spaces, not starting or ending with `/` and without `//` (EPC rules for identifiers).
 */
export const mandateReference = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(35, { message: 'too_long' })
  .regex(/^[A-Za-z0-9/?:().,'+-]+$/, { message: 'invalid_sepa_characters' })
  .refine((value) => !value.startsWith('/') && !value.endsWith('/') && !value.includes('//'), {
    message: 'invalid_sepa_characters',
  });

/** CORE: any debtor, 8 weeks' refund right. B2B: organizations only, no refund right (§5.2). */
export const MANDATE_SCHEMES = ['CORE', 'B2B'] as const;
export const mandateScheme = z.enum(MANDATE_SCHEMES, { message: 'invalid_scheme' });
export type MandateScheme = z.infer<typeof mandateScheme>;

export const MANDATE_TYPES = ['recurrent', 'one_off'] as const;
export const mandateType = z.enum(MANDATE_TYPES, { message: 'invalid_mandate_type' });

/**
 * pending (an online request not yet signed) → active → revoked. `expired` (36 months without a
 * collection, §5.2) is computed from `expires_on`, never stored.
 */
export const MANDATE_STATUSES = ['pending', 'active', 'expired', 'revoked'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** A signed paper (or otherwise recorded) mandate. */
export const createMandate = z.strictObject({
  /** An organization or person of the CRM; B2B only for an organization. */
  customer_id: z.uuid({ message: 'invalid_id' }),
  /** Left out: `{first 8 characters of the customer id}-{n}`, the customer's n-th mandate. */
  mandate_id: mandateReference.optional(),
  scheme: mandateScheme.default('CORE'),
  type: mandateType.default('recurrent'),
  signed_on: isoDate,
  debtor_name: text(70).min(1, { message: 'required' }),
  iban,
  bic: clearable(bic),
  signed_place: clearable(text(70)),
});
export type CreateMandate = z.infer<typeof createMandate>;

/** What may change on a mandate; a new IBAN is reported with the next collection (amendment, §5.1). */
export const updateMandate = z.strictObject({
  scheme: mandateScheme.optional(),
  type: mandateType.optional(),
  signed_on: isoDate.optional(),
  debtor_name: text(70).min(1, { message: 'required' }).optional(),
  iban: iban.optional(),
  bic: clearable(bic),
  signed_place: clearable(text(70)),
});
export type UpdateMandate = z.infer<typeof updateMandate>;

export const revokeMandate = z.strictObject({ reason: clearable(text(500)) });
export type RevokeMandate = z.infer<typeof revokeMandate>;

/** An online request: the customer signs it on `public_url` with their name, IBAN and place. */
export const requestMandate = z.strictObject({
  customer_id: z.uuid({ message: 'invalid_id' }),
  scheme: mandateScheme.default('CORE'),
  type: mandateType.default('recurrent'),
  mandate_id: mandateReference.optional(),
  /** E-mail the signing link to this address (in the customer's language) once the request is saved. */
  send_to: clearable(email),
});
export type RequestMandate = z.infer<typeof requestMandate>;

/** E-mail a pending request's signing link; `to` left out: the customer's (invoice) e-mail address. */
export const sendMandateRequest = z.strictObject({
  to: clearable(email),
});
export type SendMandateRequest = z.infer<typeof sendMandateRequest>;

/**
 * The answer to a send (202): the e-mail leaves in a background job, so the request never waits
 * on the mail server; follow it at `GET /api/v1/jobs/{job_id}`.
 */
export const mandateSending = z.object({
  object: z.literal('mandate_sending'),
  job_id: z.uuid(),
  mandate_id: z.uuid(),
  to: z.string(),
});
export type MandateSending = z.infer<typeof mandateSending>;

export const mandate = z.object({
  object: z.literal('mandate'),
  id: z.uuid(),
  mandate_id: z.string(),
  customer_id: z.uuid().nullable(),
  customer_type: z.enum(['organization', 'person']).nullable(),
  scheme: mandateScheme,
  type: mandateType,
  status: z.enum(MANDATE_STATUSES),
  signed_on: z.string().nullable(),
  debtor_name: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  signed_place: z.string().nullable(),
  /** Online signing: when, from which IP address and browser; null for a mandate recorded by the tenant. */
  signed_online: z
    .object({ signed_at: timestamp, ip: z.string().nullable(), user_agent: z.string().nullable() })
    .nullable(),
  last_collection_on: z.string().nullable(),
  /** The last day a collection may be requested: 36 months after the last collection, else the signature. */
  expires_on: z.string().nullable(),
  /** True when a collection may be requested today: active, not expired, a one-off mandate not yet used. */
  usable: z.boolean(),
  revoked_at: timestamp.nullable(),
  revoked_reason: z.string().nullable(),
  /** The customer's signing page while the request is pending; null otherwise. */
  public_url: z.url().nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Mandate = z.infer<typeof mandate>;

export const mandateListQuery = listQuery.extend({
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
  status: z.enum(MANDATE_STATUSES, { message: 'invalid_status' }).optional(),
});
export type MandateListQuery = z.infer<typeof mandateListQuery>;

/** Any string: a mistyped or cut-off link is a 404 like an unknown one, not a validation error. */
export const publicMandateParams = z.strictObject({ token: z.string() });

/** What the debtor fills in on the signing page; the server adds the date, time, IP address and browser. */
export const signMandate = z.strictObject({
  name: text(70).min(1, { message: 'required' }),
  iban,
  bic: clearable(bic),
  place: text(70).min(1, { message: 'required' }),
  accept: z.literal(true, { message: 'mandate_acceptance_required' }),
});
export type SignMandate = z.infer<typeof signMandate>;

/** The signing page: who collects, from whom, under which scheme, and the legal text to agree to. */
export const publicMandate = z.object({
  object: z.literal('public_mandate'),
  status: z.enum(MANDATE_STATUSES),
  /** True while the request waits for the debtor's signature. */
  can_sign: z.boolean(),
  language: locale,
  mandate_id: z.string(),
  scheme: mandateScheme,
  type: mandateType,
  creditor: z.object({
    name: z.string(),
    creditor_id: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      postal_code: z.string().nullable(),
      city: z.string().nullable(),
      country: z.string(),
    }),
  }),
  customer_name: z.string().nullable(),
  /** The mandate text the debtor agrees to, in Dutch and English (the EPC rulebook's wording). */
  legal_text: z.object({ nl: z.string(), en: z.string() }),
  signed: z
    .object({
      name: z.string(),
      iban: z.string(),
      signed_on: z.string(),
      place: z.string().nullable(),
      signed_at: timestamp,
    })
    .nullable(),
});
export type PublicMandate = z.infer<typeof publicMandate>;

/**
 * On the quote page, once the customer accepted: may they sign a direct-debit mandate there
 * (the supplier has the Invoices module and a creditor identifier), and the mandate they have.
 */
export const quoteMandateOffer = z.object({
  object: z.literal('quote_mandate_offer'),
  offered: z.boolean(),
  /** The customer's newest mandate that is pending or usable; null when there is none. */
  mandate: z
    .object({
      mandate_id: z.string(),
      status: z.enum(MANDATE_STATUSES),
      /** The signing page while pending. */
      public_url: z.url().nullable(),
    })
    .nullable(),
});
export type QuoteMandateOffer = z.infer<typeof quoteMandateOffer>;
