import {
  type Organization,
  type OrganizationPerson,
  type Person,
  type PersonOrganization,
  type RelationAddress,
  type RelationEmail,
  type RelationPhone,
} from '@clientbox/contracts';
import type { AddressRow, ContactDetails, EmailRow, PhoneRow } from './contact-details.repository.ts';
import type { LinkRow } from './links.repository.ts';
import type { OrganizationRow } from './organizations.repository.ts';
import type { PersonRow } from './persons.repository.ts';

const toEmail = (row: EmailRow): RelationEmail => ({ id: row.id, address: row.address, label: row.label });
const toPhone = (row: PhoneRow): RelationPhone => ({
  id: row.id,
  number: row.number,
  e164: row.e164,
  label: row.label,
});
const toAddress = (row: AddressRow): RelationAddress => ({
  id: row.id,
  type: row.type,
  street: row.street,
  postal_code: row.postalCode,
  city: row.city,
  country: row.country,
});

export function toOrganizationDto(
  row: OrganizationRow,
  details: ContactDetails,
  linked: { link: LinkRow; firstName: string; lastName: string }[],
  /** The tenant's default term (company profile), for an organization without its own. */
  defaultPaymentTermDays: number,
): Organization {
  return {
    object: 'organization',
    id: row.id,
    name: row.name,
    trading_name: row.tradingName,
    kvk_number: row.kvkNumber,
    vat_number: row.vatNumber,
    iban: row.iban,
    bic: row.bic,
    is_lead: row.isLead,
    is_customer: row.isCustomer,
    is_supplier: row.isSupplier,
    debtor_number: row.debtorNumber,
    creditor_number: row.creditorNumber,
    payment_term_days: row.paymentTermDays,
    payment_term_days_effective: row.paymentTermDays ?? defaultPaymentTermDays,
    document_locale: row.documentLocale,
    invoice_email: row.invoiceEmail,
    website: row.website,
    tags: row.tags,
    owner_user_id: row.ownerUserId,
    emails: details.emails.map(toEmail),
    phones: details.phones.map(toPhone),
    addresses: details.addresses.map(toAddress),
    persons: linked.map(({ link, firstName, lastName }): OrganizationPerson => ({
      link_id: link.id,
      person_id: link.personId,
      first_name: firstName,
      last_name: lastName,
      role: link.role,
      email: link.email,
      phone: link.phone,
      phone_e164: link.phoneE164,
    })),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toPersonDto(
  row: PersonRow,
  details: ContactDetails,
  linked: { link: LinkRow; organizationName: string }[],
): Person {
  return {
    object: 'person',
    id: row.id,
    first_name: row.firstName,
    last_name: row.lastName,
    name: [row.firstName, row.lastName].filter(Boolean).join(' '),
    document_locale: row.documentLocale,
    tags: row.tags,
    owner_user_id: row.ownerUserId,
    emails: details.emails.map(toEmail),
    phones: details.phones.map(toPhone),
    addresses: details.addresses.map(toAddress),
    organizations: linked.map(({ link, organizationName }): PersonOrganization => ({
      link_id: link.id,
      organization_id: link.organizationId,
      organization_name: organizationName,
      role: link.role,
      email: link.email,
      phone: link.phone,
      phone_e164: link.phoneE164,
    })),
    erased_at: row.erasedAt?.toISOString() ?? null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
