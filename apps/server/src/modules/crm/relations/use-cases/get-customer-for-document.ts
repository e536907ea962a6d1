import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getDefaultPaymentTermDays } from '../../../company/index.ts';
import { type AddressRow, loadContactDetails } from '../contact-details.repository.ts';
import { findOrganization } from '../organizations.repository.ts';
import { findPerson } from '../persons.repository.ts';

/** What a quote or invoice needs of its customer, at the moment it is made or issued. */
export interface CustomerForDocument {
  kind: 'organization' | 'person';
  id: string;
  name: string;
  /** The invoice address, else the postal, else the visiting address. */
  address: { street: string | null; postal_code: string | null; city: string | null; country: string } | null;
  kvk_number: string | null;
  vat_number: string | null;
  /** Where invoices go: the invoice e-mail address, else the first e-mail. */
  email: string | null;
  /** The customer's own term, else the tenant's default (company profile). */
  payment_term_days: number;
  language: 'nl' | 'en';
  /** The organization's bank account (refunds are paid to it); persons keep none in the CRM. */
  bank_account: { iban: string; bic: string | null } | null;
}

const ADDRESS_PREFERENCE = ['invoice', 'postal', 'visiting', 'delivery'] as const;

function preferredAddress(addresses: AddressRow[]): CustomerForDocument['address'] {
  for (const type of ADDRESS_PREFERENCE) {
    const found = addresses.find((address) => address.type === type);
    if (found) return { street: found.street, postal_code: found.postalCode, city: found.city, country: found.country };
  }
  return null;
}

/**
 * An organization or a person of this tenant by id, or null when there is none (another
 * tenant's id included): the caller answers with its own error. An erased person is no customer.
 */
export async function getCustomerForDocument(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  id: string,
): Promise<CustomerForDocument | null> {
  const organization = await findOrganization(ctx.tx, ctx.tenantId, id);
  if (organization) {
    const details = (await loadContactDetails(ctx.tx, ctx.tenantId, 'organization', [id])).get(id)!;
    return {
      kind: 'organization',
      id,
      name: organization.name,
      address: preferredAddress(details.addresses),
      kvk_number: organization.kvkNumber,
      vat_number: organization.vatNumber,
      email: organization.invoiceEmail ?? details.emails[0]?.address ?? null,
      payment_term_days: organization.paymentTermDays ?? (await getDefaultPaymentTermDays(ctx)),
      language: organization.documentLocale,
      bank_account: organization.iban ? { iban: organization.iban, bic: organization.bic } : null,
    };
  }
  const person = await findPerson(ctx.tx, ctx.tenantId, id);
  if (!person || person.erasedAt) return null;
  const details = (await loadContactDetails(ctx.tx, ctx.tenantId, 'person', [id])).get(id)!;
  return {
    kind: 'person',
    id,
    name: `${person.firstName} ${person.lastName}`.trim(),
    address: preferredAddress(details.addresses),
    kvk_number: null,
    vat_number: null,
    email: details.emails[0]?.address ?? null,
    payment_term_days: await getDefaultPaymentTermDays(ctx),
    language: person.documentLocale,
    bank_account: null,
  };
}
