import { z } from 'zod';
import {
  bic,
  clearable,
  countryCode,
  email,
  iban,
  kvkNumber,
  locale,
  phoneNumber,
  timestamp,
  uuid,
  vatNumber,
} from '../common/fields.ts';
import { listOf } from '../common/problem.ts';

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const label = clearable(text(50));

export const ADDRESS_TYPES = ['visiting', 'postal', 'invoice', 'delivery'] as const;
export const addressType = z.enum(ADDRESS_TYPES);

export const emailInput = z.strictObject({ address: email, label });
export const phoneInput = z.strictObject({ number: phoneNumber, label });
export const addressInput = z.strictObject({
  type: addressType,
  street: clearable(text(200)),
  postal_code: clearable(text(20)),
  city: clearable(text(100)),
  country: countryCode.default('NL'),
});
export type EmailInput = z.infer<typeof emailInput>;
export type PhoneInput = z.infer<typeof phoneInput>;
export type AddressInput = z.infer<typeof addressInput>;

export const relationEmail = z.object({ id: z.uuid(), address: z.string(), label: z.string().nullable() });
/** `number` as typed, `e164` as stored and matched by the phone lookup. */
export const relationPhone = z.object({
  id: z.uuid(),
  number: z.string(),
  e164: z.string(),
  label: z.string().nullable(),
});
export const relationAddress = z.object({
  id: z.uuid(),
  type: addressType,
  street: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
});
export type RelationEmail = z.infer<typeof relationEmail>;
export type RelationPhone = z.infer<typeof relationPhone>;
export type RelationAddress = z.infer<typeof relationAddress>;

const tags = z.array(text(50).min(1, { message: 'required' })).max(20, { message: 'too_long' });
const website = text(200).regex(/^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i, { message: 'invalid_url' });

// ── Organizations ────────────────────────────────────────────────────────────────────────────

const organizationFields = {
  name: text(200).min(1, { message: 'required' }),
  trading_name: clearable(text(200)),
  kvk_number: clearable(kvkNumber),
  vat_number: clearable(vatNumber),
  iban: clearable(iban),
  bic: clearable(bic),
  is_lead: z.boolean().optional(),
  is_customer: z.boolean().optional(),
  is_supplier: z.boolean().optional(),
  /** Null: the tenant's default term (company profile `default_payment_term_days`, 14 unless set). */
  payment_term_days: z
    .number()
    .int({ message: 'invalid_type' })
    .min(0, { message: 'too_small' })
    .max(365, { message: 'too_large' })
    .nullable()
    .optional(),
  document_locale: locale.optional(),
  invoice_email: clearable(email),
  website: clearable(website),
  tags: tags.optional(),
  owner_user_id: uuid.nullable().optional(),
  emails: z.array(emailInput).max(20, { message: 'too_long' }).optional(),
  phones: z.array(phoneInput).max(20, { message: 'too_long' }).optional(),
  addresses: z.array(addressInput).max(10, { message: 'too_long' }).optional(),
};

export const createOrganization = z.strictObject(organizationFields);
export type CreateOrganization = z.infer<typeof createOrganization>;

/** Only the fields sent change; a list sent (emails, phones, addresses, tags) replaces the whole list. */
export const updateOrganization = z.strictObject({ ...organizationFields, name: organizationFields.name.optional() });
export type UpdateOrganization = z.infer<typeof updateOrganization>;

/** A person as linked to an organization, with the role, e-mail and phone of that link. */
export const organizationPerson = z.object({
  link_id: z.uuid(),
  person_id: z.uuid(),
  first_name: z.string(),
  last_name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phone_e164: z.string().nullable(),
});
export type OrganizationPerson = z.infer<typeof organizationPerson>;

export const organization = z.object({
  object: z.literal('organization'),
  id: z.uuid(),
  name: z.string(),
  trading_name: z.string().nullable(),
  kvk_number: z.string().nullable(),
  vat_number: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  is_lead: z.boolean(),
  is_customer: z.boolean(),
  is_supplier: z.boolean(),
  /** Given once, when the organization first becomes a customer (`D00001`); kept afterwards. */
  debtor_number: z.string().nullable(),
  /** Given once, when the organization first becomes a supplier (`C00001`); kept afterwards. */
  creditor_number: z.string().nullable(),
  /** Null: the tenant's default term applies (`payment_term_days_effective`). */
  payment_term_days: z.number().int().nullable(),
  payment_term_days_effective: z.number().int(),
  document_locale: locale,
  invoice_email: z.string().nullable(),
  website: z.string().nullable(),
  tags: z.array(z.string()),
  owner_user_id: z.uuid().nullable(),
  emails: z.array(relationEmail),
  phones: z.array(relationPhone),
  addresses: z.array(relationAddress),
  persons: z.array(organizationPerson),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Organization = z.infer<typeof organization>;

// ── Persons ──────────────────────────────────────────────────────────────────────────────────

export const personLinkInput = z.strictObject({
  organization_id: uuid,
  role: clearable(text(100)),
  email: clearable(email),
  phone: clearable(phoneNumber),
});
export type PersonLinkInput = z.infer<typeof personLinkInput>;

const personFields = {
  first_name: text(100).optional(),
  last_name: text(100).min(1, { message: 'required' }),
  document_locale: locale.optional(),
  tags: tags.optional(),
  owner_user_id: uuid.nullable().optional(),
  emails: z.array(emailInput).max(20, { message: 'too_long' }).optional(),
  phones: z.array(phoneInput).max(20, { message: 'too_long' }).optional(),
  addresses: z.array(addressInput).max(10, { message: 'too_long' }).optional(),
  /** The organizations this person works for or with, each with its own role, e-mail and phone. */
  organizations: z.array(personLinkInput).max(50, { message: 'too_long' }).optional(),
};

export const createPerson = z.strictObject(personFields);
export type CreatePerson = z.infer<typeof createPerson>;

/** Only the fields sent change; `organizations` sent replaces the links (kept by organization id). */
export const updatePerson = z.strictObject({ ...personFields, last_name: personFields.last_name.optional() });
export type UpdatePerson = z.infer<typeof updatePerson>;

export const personOrganization = z.object({
  link_id: z.uuid(),
  organization_id: z.uuid(),
  organization_name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phone_e164: z.string().nullable(),
});
export type PersonOrganization = z.infer<typeof personOrganization>;

export const person = z.object({
  object: z.literal('person'),
  id: z.uuid(),
  first_name: z.string(),
  last_name: z.string(),
  /** First and last name together, as shown. */
  name: z.string(),
  document_locale: locale,
  tags: z.array(z.string()),
  owner_user_id: z.uuid().nullable(),
  emails: z.array(relationEmail),
  phones: z.array(relationPhone),
  addresses: z.array(relationAddress),
  organizations: z.array(personOrganization),
  /** Set when the person's data was erased on request (GDPR art. 17); names read `[erased]`. */
  erased_at: timestamp.nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Person = z.infer<typeof person>;

// ── Lists, search and lookup ─────────────────────────────────────────────────────────────────

const booleanQuery = z
  .enum(['true', 'false'], { message: 'invalid_type' })
  .transform((value) => value === 'true')
  .optional();

const searchText = z.string().trim().max(200, { message: 'too_long' });

export const ORGANIZATION_SORTS = ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at'] as const;
export const PERSON_SORTS = ORGANIZATION_SORTS;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  starting_after: z.uuid({ message: 'invalid_cursor' }).optional(),
  q: searchText.optional(),
  tag: text(50).optional(),
  owner_user_id: uuid.optional(),
  updated_since: timestamp.optional(),
};

export const organizationListQuery = z.strictObject({
  ...pageQuery,
  is_customer: booleanQuery,
  is_supplier: booleanQuery,
  is_lead: booleanQuery,
  sort: z.enum(ORGANIZATION_SORTS).default('name'),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const personListQuery = z.strictObject({
  ...pageQuery,
  organization_id: uuid.optional(),
  sort: z.enum(PERSON_SORTS).default('name'),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const organizationList = listOf(organization);
export const personList = listOf(person);

export const relationSearchQuery = z.strictObject({
  q: searchText.min(2, { message: 'too_short' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  type: z.enum(['organization', 'person']).optional(),
});
export type RelationSearchQuery = z.infer<typeof relationSearchQuery>;

/** One hit of the search box: an organization or a person, best first. */
export const relationSearchResult = z.object({
  object: z.literal('relation_search_result'),
  type: z.enum(['organization', 'person']),
  id: z.uuid(),
  name: z.string(),
  /** A second line: debtor number and KvK, or the organizations a person is linked to. */
  description: z.string().nullable(),
  /** exact: name or identifier; prefix; contains; similar: typo tolerant. */
  match: z.enum(['exact', 'prefix', 'contains', 'similar']),
});
export type RelationSearchResult = z.infer<typeof relationSearchResult>;
export const relationSearchResults = listOf(relationSearchResult);

export const phoneLookupQuery = z.strictObject({ phone: z.string().trim().min(1, { message: 'required' }) });
export const phoneLookup = z.object({
  object: z.literal('phone_lookup'),
  /** The number as matched. */
  e164: z.string(),
  organizations: z.array(organization),
  persons: z.array(person),
});
export type PhoneLookup = z.infer<typeof phoneLookup>;

// ── Saved list views ─────────────────────────────────────────────────────────────────────────

export const SAVED_VIEW_LISTS = ['organizations', 'persons'] as const;
export const savedViewList = z.enum(SAVED_VIEW_LISTS);
const savedViewQueryValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const savedViewListQuery = z.strictObject({ list: savedViewList });
export const createSavedView = z.strictObject({
  list: savedViewList,
  name: text(100).min(1, { message: 'required' }),
  /** The list's query parameters (q, filters, sort), as the list takes them. */
  query: z
    .record(z.string().max(50), savedViewQueryValue)
    .refine((query) => Object.keys(query).length <= 20, { message: 'too_long' }),
});
export type CreateSavedView = z.infer<typeof createSavedView>;

export const savedView = z.object({
  object: z.literal('saved_view'),
  id: z.uuid(),
  list: savedViewList,
  name: z.string(),
  query: z.record(z.string(), savedViewQueryValue),
  created_at: timestamp,
});
export type SavedView = z.infer<typeof savedView>;
export const savedViews = listOf(savedView);

export const relationIdParams = z.strictObject({ id: uuid });
