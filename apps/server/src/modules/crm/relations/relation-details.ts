import {
  type AddressInput,
  DEFAULT_PAYMENT_TERM_DAYS,
  type EmailInput,
  normalizePhoneNumber,
  type Organization,
  type Person,
  type PhoneInput,
} from '@clientbox/contracts';
import type { Tx } from '../../../kernel/db/database.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getDefaultPaymentTermDays } from '../../company/index.ts';
import { findTenantMember } from '../activities/shared/tenant-members.ts';
import {
  type ContactDetails,
  loadContactDetails,
  type NormalizedPhone,
  type Owner,
  replaceAddresses,
  replaceEmails,
  replacePhones,
} from './contact-details.repository.ts';
import { buildSearchText } from './domain/search-text.ts';
import { linksOfOrganizations, linksOfPersons } from './links.repository.ts';
import { type OrganizationRow, setOrganizationSearchText } from './organizations.repository.ts';
import { type PersonRow, setPersonSearchText } from './persons.repository.ts';
import { toOrganizationDto, toPersonDto } from './relations.dto.ts';

/** A phone as typed plus its E.164 form; the contract already refused numbers that are not valid. */
export function normalizePhone<T extends { number: string }>(phone: T): T & { e164: string } {
  const normalized = normalizePhoneNumber(phone.number);
  if (!normalized) throw new AppError('validation_failed', { detail: 'invalid phone number' });
  return { ...phone, e164: normalized.e164 };
}

export interface ContactLists {
  emails?: EmailInput[] | undefined;
  phones?: PhoneInput[] | undefined;
  addresses?: AddressInput[] | undefined;
}

/** The lists that were sent replace the stored ones; a list not sent stays as it is. */
export async function writeContactLists(tx: Tx, tenantId: string, owner: Owner, lists: ContactLists): Promise<void> {
  if (lists.emails) await replaceEmails(tx, tenantId, owner, lists.emails);
  if (lists.phones) await replacePhones(tx, tenantId, owner, lists.phones.map(normalizePhone) as NormalizedPhone[]);
  if (lists.addresses) await replaceAddresses(tx, tenantId, owner, lists.addresses);
}

/** Which of the sent lists differ from what is stored (for the audit entry; unchanged lists are not rewritten). */
export function changedLists(current: ContactDetails, lists: ContactLists): (keyof ContactLists)[] {
  const changed: (keyof ContactLists)[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (
    lists.emails &&
    !same(
      lists.emails.map((email) => [email.address, email.label ?? null]),
      current.emails.map((email) => [email.address, email.label]),
    )
  )
    changed.push('emails');
  if (
    lists.phones &&
    !same(
      lists.phones.map((phone) => [phone.number, phone.label ?? null]),
      current.phones.map((phone) => [phone.number, phone.label]),
    )
  )
    changed.push('phones');
  if (
    lists.addresses &&
    !same(
      lists.addresses.map((a) => [a.type, a.street ?? null, a.postal_code ?? null, a.city ?? null, a.country]),
      current.addresses.map((a) => [a.type, a.street, a.postalCode, a.city, a.country]),
    )
  )
    changed.push('addresses');
  return changed;
}

/** `owner_user_id` must be someone of this tenant. */
export async function assertOwnerIsMember(ctx: TenantContext, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  if (!(await findTenantMember(ctx.tx, ctx.tenantId, userId)))
    throw new AppError('validation_failed', {
      fields: [{ field: 'owner_user_id', code: 'unknown_user', message: 'not a member of this account' }],
    });
}

export async function refreshOrganizationSearchText(tx: Tx, row: OrganizationRow): Promise<void> {
  const details = (await loadContactDetails(tx, row.tenantId, 'organization', [row.id])).get(row.id)!;
  const text = buildSearchText({
    names: [row.name, row.tradingName],
    emails: [...details.emails.map((email) => email.address), row.invoiceEmail],
    phoneNumbers: details.phones.map((phone) => phone.e164),
    identifiers: [row.kvkNumber, row.vatNumber, row.debtorNumber, row.creditorNumber],
  });
  if (text !== row.searchText) await setOrganizationSearchText(tx, row.tenantId, row.id, text);
}

/** A person's search text holds the e-mails and phones of their links too ("who has this number?"). */
export async function refreshPersonSearchText(tx: Tx, row: PersonRow): Promise<void> {
  const details = (await loadContactDetails(tx, row.tenantId, 'person', [row.id])).get(row.id)!;
  const links = await linksOfPersons(tx, row.tenantId, [row.id]);
  const text = buildSearchText({
    names: [[row.firstName, row.lastName].filter(Boolean).join(' ')],
    emails: [...details.emails.map((email) => email.address), ...links.map(({ link }) => link.email)],
    phoneNumbers: [...details.phones.map((phone) => phone.e164), ...links.map(({ link }) => link.phoneE164)],
  });
  if (text !== row.searchText) await setPersonSearchText(tx, row.tenantId, row.id, text);
}

/** Rows with their contact details and linked persons, as the API shows them. */
export async function organizationsWithDetails(tx: Tx, tenantId: string, rows: OrganizationRow[]) {
  const ids = rows.map((row) => row.id);
  const details = await loadContactDetails(tx, tenantId, 'organization', ids);
  const links = await linksOfOrganizations(tx, tenantId, ids);
  // Read once per request, and only when a row has no term of its own.
  const defaultTerm = rows.some((row) => row.paymentTermDays === null)
    ? await getDefaultPaymentTermDays({ tx, tenantId })
    : DEFAULT_PAYMENT_TERM_DAYS;
  return rows.map((row): Organization =>
    toOrganizationDto(
      row,
      details.get(row.id)!,
      links.filter(({ link }) => link.organizationId === row.id),
      defaultTerm,
    ),
  );
}

export async function personsWithDetails(tx: Tx, tenantId: string, rows: PersonRow[]) {
  const ids = rows.map((row) => row.id);
  const details = await loadContactDetails(tx, tenantId, 'person', ids);
  const links = await linksOfPersons(tx, tenantId, ids);
  return rows.map((row): Person =>
    toPersonDto(
      row,
      details.get(row.id)!,
      links.filter(({ link }) => link.personId === row.id),
    ),
  );
}
